// The composer of the open conversation: text (send, or save an edit), reply and edit context, typing
// signals, attachments and voice notes, and the error line under it.
import { byId, newClientId, show } from './dom.js';
import { TypeWords, VoiceRecorder, messageTypeFor } from './media.js';

const TypingRepeatMs = 3000;
const TypingIdleMs = 4000;

export class Composer {
  #api;
  #hub;
  #conversation;
  #on;
  #replyTo = null;
  #editing = null;
  #typingSentAt = 0;
  #typingStopTimer = null;
  #recorder = new VoiceRecorder();
  #recordingTimer = null;

  /**
   * @param conversation () => the open conversation, or null
   * @param on callbacks into the thread: edited(message), queued(conversation, text, replyTo), sent(conversation, message)
   */
  constructor({ api, hub, conversation, on }) {
    this.#api = api;
    this.#hub = hub;
    this.#conversation = conversation;
    this.#on = on;
    this.#wire();
  }

  get editing() {
    return this.#editing !== null;
  }

  get empty() {
    return !byId('composer-input').value;
  }

  /** Another conversation opens: nothing of the last one stays in the composer. */
  reset() {
    this.cancelRecording();
    this.#setContext(null);
    this.showError(null);
    byId('composer-input').value = '';
  }

  get draft() {
    return byId('composer-input').value;
  }

  set draft(text) {
    const input = byId('composer-input');
    if (!input.value) input.value = text;
  }

  focus() {
    byId('composer-input').focus();
  }

  /** A send refused while I am still here: back into the composer, as if never sent, with the server's reason. */
  giveBack(content, replyTo, error) {
    if (replyTo) this.startReply(replyTo);
    byId('composer-input').value = content;
    this.showError(error);
  }

  startReply(m) {
    this.#editing = null;
    this.#replyTo = m;
    const who = m.is_mine ? 'yourself' : m.sender_name;
    this.#setContext(`Replying to ${who}: ${m.content ?? TypeWords[m.message_type] ?? 'Message'}`, 'reply');
    byId('composer-input').focus();
  }

  startEdit(m) {
    this.#replyTo = null;
    this.#editing = m;
    this.#setContext('Editing your message', 'edit');
    const input = byId('composer-input');
    input.value = m.content ?? '';
    input.focus();
  }

  showError(error) {
    const line = byId('composer-error');
    line.textContent = error ? error.message : '';
    line.dataset.code = error?.code ?? '';
    line.dataset.transient = String(error?.status === 0 || error?.status >= 500);
    show(line, Boolean(error));
  }

  /** An error line about the connection is stale once something got through. */
  clearConnectionError() {
    if (byId('composer-error').dataset.transient === 'true') this.showError(null);
  }

  cancelRecording() {
    clearInterval(this.#recordingTimer);
    this.#recorder.cancel();
    show(byId('recording'), false);
    this.#recordButton(false);
  }

  #wire() {
    const input = byId('composer-input');
    byId('composer-form').addEventListener('submit', event => {
      event.preventDefault();
      this.#submit();
    });
    input.addEventListener('keydown', event => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.#submit();
      } else if (event.key === 'Escape') {
        this.#setContext(null);
      }
    });
    input.addEventListener('input', () => {
      this.#signalTyping();
      input.style.height = 'auto';
      input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
    });
    byId('composer-context-cancel').addEventListener('click', () => this.#setContext(null));
    byId('attach-input').addEventListener('change', event => {
      const files = [...event.target.files];
      event.target.value = '';
      this.#sendFiles(files);
    });
    byId('record-voice').addEventListener('click', () => this.#toggleRecording());
    byId('cancel-recording').addEventListener('click', () => this.cancelRecording());
  }

  async #submit() {
    const input = byId('composer-input');
    const text = input.value.trim();
    const c = this.#conversation();
    if (!c || !text) return;
    this.showError(null);
    try {
      if (this.#editing) {
        const { message } = await this.#api.edit(this.#editing.id, text);
        this.#on.edited(message);
      } else {
        this.#on.queued(c, text, this.#replyTo);
      }
      input.value = '';
      input.style.height = '';
      this.#setContext(null);
      this.#stopTyping();
    } catch (error) {
      this.showError(error);
    }
  }

  async #sendFiles(files) {
    const c = this.#conversation();
    for (const file of files) {
      await this.#sendMedia(c, file, null);
    }
  }

  /** Uploads the item, then sends the message that references it. A voice note is an audio message. */
  async #sendMedia(c, file, messageType) {
    if (!c) return;
    const status = byId('composer-status');
    status.textContent = `Sending ${file.name}…`;
    show(status, true);
    this.showError(null);
    try {
      const { media } = await this.#api.upload(file, messageType ?? undefined);
      const { message } = await this.#api.send({
        conversation_id: c.id,
        message_type: messageType ?? messageTypeFor(media.mime_type),
        media_id: media.id,
        reply_to_id: this.#replyTo?.id,
        client_message_id: newClientId(),
      });
      if (!this.#editing) this.#setContext(null);
      this.#on.sent(c, message);
    } catch (error) {
      this.showError(error);
    } finally {
      show(status, false);
    }
  }

  async #toggleRecording() {
    if (this.#recorder.recording) {
      clearInterval(this.#recordingTimer);
      show(byId('recording'), false);
      this.#recordButton(false);
      const file = await this.#recorder.stop();
      await this.#sendMedia(this.#conversation(), file, 'audio');
      return;
    }
    this.showError(null);
    try {
      await this.#recorder.start();
    } catch (error) {
      this.showError({ code: 'microphone_unavailable', message: `The microphone is not available (${error.message}).` });
      return;
    }
    this.#recordButton(true);
    show(byId('recording'), true);
    const time = byId('recording-time');
    time.textContent = '0:00';
    this.#recordingTimer = setInterval(() => {
      const s = Math.floor(this.#recorder.elapsedSeconds);
      time.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    }, 500);
  }

  #recordButton(recording) {
    const button = byId('record-voice');
    button.setAttribute('aria-pressed', String(recording));
    button.title = recording ? 'Stop and send' : 'Record a voice note';
    button.setAttribute('aria-label', button.title);
    button.querySelector('use').setAttribute('href', recording ? '#i-stop' : '#i-mic');
  }

  #setContext(text, kind) {
    if (!text) {
      this.#replyTo = null;
      if (this.#editing) byId('composer-input').value = '';
      this.#editing = null;
    }
    const context = byId('composer-context');
    context.dataset.kind = kind ?? '';
    byId('composer-context-text').textContent = text ?? '';
    show(context, Boolean(text));
    byId('send-button').textContent = kind === 'edit' ? 'Save' : 'Send';
  }

  #signalTyping() {
    const c = this.#conversation();
    if (!c || this.#editing) return;
    const now = Date.now();
    if (now - this.#typingSentAt > TypingRepeatMs) {
      this.#typingSentAt = now;
      this.#hub.typing(c.id, true);
    }
    clearTimeout(this.#typingStopTimer);
    this.#typingStopTimer = setTimeout(() => this.#stopTyping(), TypingIdleMs);
  }

  #stopTyping() {
    clearTimeout(this.#typingStopTimer);
    const c = this.#conversation();
    if (this.#typingSentAt && c) this.#hub.typing(c.id, false);
    this.#typingSentAt = 0;
  }
}
