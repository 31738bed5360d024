// Images, files and voice notes: upload (POST /api/chat/media), show, open, record.
import { byId, el, formatSize, icon } from './dom.js';

/** What a message of each type is called where it has no text (previews, reply context). */
export const TypeWords = { image: 'Photo', file: 'File', audio: 'Voice note', video: 'Video', location: 'Location', gif: 'GIF' };

/** The message type for an uploaded item, from the type the server sniffed (not the file's name). */
export function messageTypeFor(mimeType) {
  if (mimeType?.startsWith('image/')) return 'image';
  if (mimeType?.startsWith('audio/')) return 'audio';
  if (mimeType?.startsWith('video/')) return 'video';
  return 'file';
}

/**
 * The bearer download, for what a signed link cannot serve (a file saved under its name, a link that expired
 * while the page stayed open): each item is fetched once and shown through a blob URL.
 */
export class MediaCache {
  #api;
  #urls = new Map();

  constructor(api) {
    this.#api = api;
  }

  objectUrl(media) {
    if (!this.#urls.has(media.id)) {
      const loading = this.#api.fetchBlob(media.url).then(blob => URL.createObjectURL(blob));
      loading.catch(() => this.#urls.delete(media.id));
      this.#urls.set(media.id, loading);
    }
    return this.#urls.get(media.id);
  }
}

/**
 * Points an image or player at the item's signed link, which loads without a header (and streams ranges);
 * when the link does not load (it expired while the page stayed open), it falls back once to the bearer download.
 */
function showMedia(element, media, cache, failed) {
  const fallBack = () => cache.objectUrl(media).then(url => { element.src = url; }, failed);
  if (!media.signed_url) {
    fallBack();
    return;
  }
  element.addEventListener('error', fallBack, { once: true });
  element.src = media.signed_url;
}

/** The element a media message shows: an image, a player, or a file to open. */
export function renderMedia(message, cache) {
  const media = message.media;
  const name = media.file_name ?? `${message.message_type}-${media.id}`;
  const failed = node => () => node.replaceWith(el('span', { class: 'media-missing' }, 'This attachment is not available.'));

  if (message.message_type === 'image' || media.mime_type?.startsWith('image/')) {
    const image = el('img', {
      class: 'message-image',
      alt: name,
      width: media.width ?? undefined,
      height: media.height ?? undefined,
      dataset: { testid: 'message-image', mediaId: media.id },
      onclick: () => {
        // What the message shows already, from the browser's cache.
        byId('media-viewer-image').src = image.currentSrc || image.src;
        byId('media-viewer').showModal();
      },
    });
    showMedia(image, media, cache, failed(image));
    return image;
  }

  if (message.message_type === 'audio' || message.message_type === 'video') {
    const tag = message.message_type === 'audio' ? 'audio' : 'video';
    const player = el(tag, {
      class: `message-${tag}`,
      controls: true,
      preload: 'metadata',
      dataset: { testid: `message-${tag}`, mediaId: media.id },
    });
    showMedia(player, media, cache, failed(player));
    return player;
  }

  // A file opens as a download of the bytes, under its original name.
  return el('a', {
    class: 'message-file',
    href: '#',
    dataset: { testid: 'message-file', mediaId: media.id },
    onclick: async event => {
      event.preventDefault();
      const link = el('a', { href: await cache.objectUrl(media), download: name });
      document.body.append(link);
      link.click();
      link.remove();
    },
  }, el('span', { class: 'file-icon' }, icon('file')), el('span', { class: 'file-name' }, name), el('span', { class: 'file-size' }, formatSize(media.size)));
}

/** Records a voice note with MediaRecorder (Opus in WebM, what Chromium records). */
export class VoiceRecorder {
  #recorder = null;
  #stream = null;
  #chunks = [];
  #startedAt = 0;

  get recording() {
    return this.#recorder !== null;
  }

  get elapsedSeconds() {
    return this.#recorder ? (Date.now() - this.#startedAt) / 1000 : 0;
  }

  async start() {
    this.#stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const mimeType = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus'].find(t => MediaRecorder.isTypeSupported(t));
    this.#recorder = new MediaRecorder(this.#stream, mimeType ? { mimeType } : {});
    this.#chunks = [];
    this.#recorder.ondataavailable = event => { if (event.data.size > 0) this.#chunks.push(event.data); };
    this.#recorder.start(250);
    this.#startedAt = Date.now();
  }

  /** Stops and resolves the recording as a File ready to upload. */
  stop() {
    const recorder = this.#recorder;
    return new Promise((resolve, reject) => {
      if (!recorder) {
        reject(new Error('Not recording.'));
        return;
      }
      recorder.onstop = () => {
        const type = (recorder.mimeType || 'audio/webm').split(';')[0];
        const extension = type.includes('ogg') ? 'ogg' : 'webm';
        resolve(new File(this.#chunks, `voice-note-${new Date().toISOString().replace(/[:.]/g, '-')}.${extension}`, { type }));
        this.#release();
      };
      recorder.stop();
    });
  }

  cancel() {
    if (this.#recorder) {
      this.#recorder.onstop = null;
      if (this.#recorder.state !== 'inactive') this.#recorder.stop();
    }
    this.#release();
  }

  #release() {
    this.#stream?.getTracks().forEach(track => track.stop());
    this.#stream = null;
    this.#recorder = null;
  }
}
