// The sidebar: my conversations (newest activity first) with unread badges, and search by name.
import { byId, debounce, el, formatTime, paintAvatar, show } from './dom.js';

const PreviewByType = {
  image: 'Photo',
  file: 'File',
  audio: 'Voice note',
  video: 'Video',
  location: 'Location',
  gif: 'GIF',
};

export class ConversationList {
  #api;
  #me;
  #onOpen;
  #onError;
  #summaries = new Map();
  #activeId = null;
  #query = '';
  #generation = 0;

  constructor({ api, me, onOpen, onError }) {
    this.#api = api;
    this.#me = me;
    this.#onOpen = onOpen;
    this.#onError = onError;
    this.refreshSoon = debounce(() => this.refresh(), 250);
    byId('conversation-search').addEventListener('input', debounce(event => {
      this.#query = event.target.value.trim();
      this.refresh();
    }, 250));
  }

  summary(id) {
    return this.#summaries.get(id);
  }

  setActive(id) {
    this.#activeId = id;
    for (const item of byId('conversation-list').children) {
      item.classList.toggle('active', Number(item.dataset.conversationId) === id);
    }
  }

  /** A conversation I just opened or created shows at once, before the next refresh brings it in order. */
  upsert(summary) {
    this.#summaries.set(summary.id, summary);
    this.refreshSoon();
  }

  /** What I read is no longer unread: clear the badge without waiting for the server's list. */
  markRead(id) {
    const summary = this.#summaries.get(id);
    if (summary && summary.unread_count) {
      summary.unread_count = 0;
      this.#render([...this.#summaries.values()]);
    }
  }

  async refresh() {
    const generation = ++this.#generation;
    try {
      const page = await this.#api.listConversations({ q: this.#query });
      if (generation !== this.#generation) return; // a newer search answered first
      this.#summaries = new Map(page.conversations.map(c => [c.id, c]));
      this.#render(page.conversations);
    } catch (error) {
      this.#onError(error);
    }
  }

  #render(conversations) {
    const list = byId('conversation-list');
    list.replaceChildren(...conversations.map(c => this.#item(c)));
    const empty = byId('conversation-empty');
    empty.textContent = this.#query ? `No chats match “${this.#query}”.` : 'No chats yet. Start one with “New”.';
    show(empty, conversations.length === 0);
  }

  #item(c) {
    const avatar = el('span', { class: 'avatar' });
    paintAvatar(avatar, c.name);
    const last = c.last_message;
    const preview = last
      ? `${last.sender_user_id === this.#me.userId ? 'You: ' : c.type === 'group' ? `${last.sender_name}: ` : ''}${last.preview ?? PreviewByType[last.message_type] ?? ''}`
      : 'No messages yet';
    return el('li', {
      class: `conversation${c.id === this.#activeId ? ' active' : ''}${c.unread_count ? ' unread' : ''}`,
      dataset: { testid: 'conversation-item', conversationId: c.id, otherUserId: c.other_user_id ?? '' },
      onclick: () => this.#onOpen(c),
    },
      avatar,
      el('div', { class: 'conversation-text' },
        el('div', { class: 'conversation-top' },
          el('span', { class: 'conversation-name', dataset: { testid: 'conversation-name' } }, c.name ?? 'Chat'),
          el('time', {}, formatTime(last?.created_at ?? c.updated_at))),
        el('div', { class: 'conversation-bottom' },
          el('span', { class: 'conversation-preview', dataset: { testid: 'conversation-preview' } }, preview),
          c.is_muted ? el('span', { class: 'muted', title: 'Muted' }, 'muted') : null,
          c.unread_count ? el('span', { class: 'badge', dataset: { testid: 'unread-badge' } }, String(c.unread_count)) : null)));
  }
}
