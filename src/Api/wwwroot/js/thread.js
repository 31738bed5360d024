// One open conversation: history (older pages on scroll), what is on its way, and live updates. The composer
// (composer.js) and what can be done to a message (message-actions.js) are their own modules.
import { Composer } from './composer.js';
import { byId, confirmAction, el, formatLastSeen, formatTime, icon, paintAvatar, show } from './dom.js';
import { MediaCache, TypeWords, renderMedia } from './media.js';
import { MessageActions } from './message-actions.js';
import { Outbox } from './outbox.js';

const PageSize = 30;
const TypingShownMs = 6000;
const CatchUpPageSize = 100;
const CatchUpMaxPages = 20;

export class Thread {
  #api;
  #hub;
  #me;
  #media;
  #blocked;
  #on;
  #conversation = null;
  #summary = null;
  #loaded = false;
  #generation = 0;
  #names = new Map();
  #messages = new Map();
  #elements = new Map();
  #hasMore = false;
  #loadingOlder = false;
  #readPositions = new Map();
  #lastMarkedRead = 0;
  #typingUsers = new Map();
  #outbox;
  #composer;
  #actions;
  #pendingElements = new Map();

  /**
   * @param on callbacks into the page: read(conversationId), deleted(conversationId), blockChanged(userId, blocked),
   *           startCall(conversation, type), showCalls(conversation), sent(conversationId), error(error)
   */
  constructor({ api, hub, me, blocked, on }) {
    this.#api = api;
    this.#hub = hub;
    this.#me = me;
    this.#blocked = blocked;
    this.#on = on;
    this.#media = new MediaCache(api);
    this.#outbox = new Outbox({
      api,
      on: {
        changed: item => this.#renderPending(item),
        delivered: (item, message) => this.#delivered(item, message),
        refused: (item, error) => this.#refused(item, error),
      },
    });
    this.#composer = new Composer({
      api,
      hub,
      conversation: () => this.#conversation,
      on: {
        edited: message => this.#insert([message]),
        // Shown at once as pending; the outbox delivers it, retrying with the same client id when the network fails.
        queued: (conversation, content, replyTo) => {
          this.#renderPending(this.#outbox.send({ conversationId: conversation.id, content, replyTo }));
          this.#scrollToBottom();
        },
        sent: (conversation, message) => {
          if (conversation.id === this.conversationId) this.messageCreated(message);
        },
      },
    });
    this.#actions = new MessageActions({
      api,
      me,
      on: {
        reply: m => this.#composer.startReply(m),
        edit: m => this.#composer.startEdit(m),
        removed: messageId => this.#remove(messageId),
        error: error => this.#on.error(error),
      },
    });
    this.#wire();
  }

  get conversationId() {
    return this.#conversation?.id ?? null;
  }

  async open(summary) {
    const generation = ++this.#generation;
    this.#composer.reset();
    this.#conversation = summary;
    this.#summary = summary;
    this.#loaded = false;
    this.#messages.clear();
    this.#elements.clear();
    this.#names = new Map([[this.#me.userId, 'You']]);
    this.#readPositions.clear();
    this.#typingUsers.clear();
    this.#lastMarkedRead = 0;
    this.#hasMore = false;
    this.#renderTyping();
    byId('message-list').replaceChildren();
    // What I wrote here that is still on its way stays at the end of the thread, whatever the history says.
    this.#pendingElements.clear();
    for (const item of this.#outbox.itemsFor(summary.id)) this.#renderPending(item);
    byId('thread-view').dataset.conversationId = summary.id;
    byId('thread-view').dataset.loaded = 'false';
    show(byId('thread-placeholder'), false);
    show(byId('thread-view'), true);
    this.#renderHeader();

    try {
      const [details, page, reads] = await Promise.all([
        this.#api.getConversation(summary.id),
        this.#api.history(summary.id, { limit: PageSize }),
        this.#api.readStatus(summary.id).catch(() => ({ read_status: [] })),
      ]);
      if (generation !== this.#generation) return;
      this.#conversation = { ...summary, ...details.conversation };
      for (const p of details.conversation.participants) this.#names.set(p.user_id, p.user_id === this.#me.userId ? 'You' : p.name);
      for (const r of reads.read_status) this.#readPositions.set(r.user_id, r.last_read_message_id ?? 0);
      this.#renderHeader();
      this.#hasMore = page.has_more;
      this.#insert(page.messages);
      this.#scrollToBottom();
      this.#markRead();
      this.#loadPresence();
      this.#loaded = true;
      byId('thread-view').dataset.loaded = 'true';
      this.#composer.focus();
    } catch (error) {
      if (generation === this.#generation) this.#on.error(error);
    }
  }

  close() {
    ++this.#generation;
    this.#composer.cancelRecording();
    this.#conversation = null;
    show(byId('thread-view'), false);
    show(byId('thread-placeholder'), true);
  }

  /**
   * After a reconnect (also after a full close of the hub): send what waits in the outbox now, and fetch what
   * arrived in the open conversation while the connection was down, `after` the newest message this page holds.
   */
  async catchUp() {
    this.#outbox.retryNow();
    this.#composer.clearConnectionError();
    const c = this.#conversation;
    if (!c) return;
    // The conversation did not even load (opened while offline): load it now, keeping what is in the composer.
    if (!this.#loaded) return this.#reopen();
    const generation = this.#generation;
    for (let pages = 0; pages < CatchUpMaxPages; pages++) {
      const newest = Math.max(0, ...this.#messages.keys());
      const page = await this.#api.history(c.id, { after: newest || undefined, limit: CatchUpPageSize });
      if (generation !== this.#generation) return;
      const atBottom = this.#nearBottom();
      this.#insert(page.messages);
      if (atBottom) this.#scrollToBottom();
      // Without `after` (an empty thread) the answer is the newest page, not the next one.
      if (!page.has_more || !newest) break;
    }
    this.#markRead();
  }

  async #reopen() {
    const draft = this.#composer.draft;
    await this.open(this.#summary);
    this.#composer.draft = draft;
  }

  // --- hub events -------------------------------------------------------------------------------------

  messageCreated(message) {
    if (message.conversation_id !== this.conversationId) return false;
    const atBottom = this.#nearBottom();
    this.#insert([message]);
    if (atBottom || message.is_mine) this.#scrollToBottom();
    this.#names.set(message.sender_user_id, message.is_mine ? 'You' : message.sender_name);
    if (!message.is_mine) this.#typingUsers.delete(message.sender_user_id);
    this.#renderTyping();
    this.#markRead();
    return true;
  }

  messageUpdated(message) {
    if (message.conversation_id === this.conversationId && this.#messages.has(message.id)) this.#insert([message]);
  }

  /** Deleted for me → it goes; deleted for everyone → a tombstone. The event does not say which: ask the history. */
  async messageDeleted({ conversation_id: conversationId, message_id: messageId }) {
    if (conversationId !== this.conversationId || !this.#messages.has(messageId)) return;
    if (this.#actions.deletedForMe(messageId)) {
      this.#remove(messageId);
      return;
    }
    const page = await this.#api.history(conversationId, { before: messageId + 1, limit: 1 });
    const still = page.messages.find(m => m.id === messageId);
    if (still) this.#insert([still]);
    else this.#remove(messageId);
  }

  reactionChanged({ conversation_id: conversationId, message_id: messageId, reactions }) {
    const message = this.#messages.get(messageId);
    if (conversationId === this.conversationId && message) this.#insert([{ ...message, reactions }]);
  }

  readUpdated({ conversation_id: conversationId, user_id: userId, last_read_message_id: lastRead }) {
    if (conversationId !== this.conversationId || userId === this.#me.userId) return;
    this.#readPositions.set(userId, Math.max(lastRead ?? 0, this.#readPositions.get(userId) ?? 0));
    for (const message of this.#messages.values()) {
      if (message.is_mine) this.#renderReadState(message);
    }
  }

  typing({ conversation_id: conversationId, user_id: userId, is_typing: isTyping }) {
    if (conversationId !== this.conversationId || userId === this.#me.userId) return;
    clearTimeout(this.#typingUsers.get(userId));
    if (isTyping) {
      // The server clears a stale indicator after its timeout; this is the page's own safety net.
      this.#typingUsers.set(userId, setTimeout(() => {
        this.#typingUsers.delete(userId);
        this.#renderTyping();
      }, TypingShownMs));
    } else {
      this.#typingUsers.delete(userId);
    }
    this.#renderTyping();
  }

  presenceChanged(status) {
    if (this.#conversation?.type === 'direct' && status.user_id === this.#conversation.other_user_id) this.#renderPresence(status);
  }

  blockChanged() {
    this.#renderHeader();
  }

  // --- rendering ---------------------------------------------------------------------------------------

  #renderHeader() {
    const c = this.#conversation;
    byId('thread-name').textContent = c.name ?? 'Chat';
    paintAvatar(byId('thread-avatar'), c.name);
    const direct = c.type === 'direct' && c.other_user_id;
    const blocked = direct && this.#blocked.has(c.other_user_id);
    const toggle = byId('block-toggle');
    show(toggle, Boolean(direct));
    toggle.textContent = blocked ? 'Unblock' : 'Block';
    toggle.dataset.blocked = String(Boolean(blocked));
    const banner = byId('blocked-banner');
    banner.textContent = blocked ? `You blocked ${c.name}. Unblock them to chat or call.` : '';
    show(banner, Boolean(blocked));
    const canCall = c.type !== 'notes';
    show(byId('start-voice-call'), canCall);
    show(byId('start-video-call'), canCall);
    if (!direct) byId('presence').textContent = c.type === 'group' ? `${c.participant_count} members` : '';
  }

  async #loadPresence() {
    const c = this.#conversation;
    if (c?.type !== 'direct' || !c.other_user_id) return;
    try {
      const { statuses } = await this.#api.statuses([c.other_user_id]);
      if (statuses[0] && this.#conversation === c) this.#renderPresence(statuses[0]);
    } catch {
      byId('presence').textContent = '';
    }
  }

  #renderPresence(status) {
    const presence = byId('presence');
    presence.dataset.online = String(status.is_online === true);
    presence.textContent = status.is_online ? 'online' : status.last_seen ? formatLastSeen(status.last_seen) : '';
  }

  #renderTyping() {
    const indicator = byId('typing-indicator');
    const names = [...this.#typingUsers.keys()].map(id => this.#names.get(id) ?? 'Someone');
    indicator.textContent = names.length === 0 ? '' : names.length === 1 ? `${names[0]} is typing…` : `${names.length} people are typing…`;
    show(indicator, names.length > 0);
    show(byId('presence'), names.length === 0);
  }

  /** Adds or replaces messages, keeping the list in id order (ids grow with time). */
  #insert(messages) {
    const list = byId('message-list');
    for (const message of messages) {
      this.#messages.set(message.id, message);
      const node = this.#messageElement(message);
      const existing = this.#elements.get(message.id);
      if (existing) {
        existing.replaceWith(node);
      } else {
        const next = [...this.#elements.keys()].filter(id => id > message.id).sort((a, b) => a - b)[0];
        list.insertBefore(node, next === undefined ? this.#firstPendingElement() : this.#elements.get(next));
      }
      this.#elements.set(message.id, node);
      // Whichever way my queued message comes back (the answer, the hub, a history page), it is delivered once.
      this.#outbox.settle(message);
    }
    show(byId('load-older'), this.#hasMore);
  }

  #remove(messageId) {
    this.#elements.get(messageId)?.remove();
    this.#elements.delete(messageId);
    this.#messages.delete(messageId);
  }

  #messageElement(m) {
    if (m.message_type === 'system') {
      return el('li', { class: 'message system', dataset: { testid: 'message', messageId: m.id, type: 'system' } },
        el('p', { dataset: { testid: 'message-text' } }, m.content ?? ''));
    }

    const bubble = el('div', { class: 'bubble' });
    if (m.reply_to) bubble.append(this.#replyQuote(m.reply_to));
    if (!m.is_mine && this.#conversation?.type === 'group') bubble.append(el('span', { class: 'sender' }, m.sender_name));
    if (m.forwarded_from) bubble.append(el('span', { class: 'forwarded' }, `Forwarded from ${m.forwarded_from.name}`));
    if (m.is_deleted) {
      bubble.append(el('p', { class: 'tombstone', dataset: { testid: 'message-deleted' } }, 'This message was deleted'));
    } else {
      if (m.media) bubble.append(renderMedia(m, this.#media));
      if (m.content) bubble.append(el('p', { class: 'text', dataset: { testid: 'message-text' } }, m.content));
    }
    const meta = el('div', { class: 'meta' },
      m.is_edited && !m.is_deleted ? el('span', { class: 'edited', dataset: { testid: 'edited' } }, 'edited') : null,
      el('time', { datetime: m.created_at, title: new Date(m.created_at).toLocaleString() }, formatTime(m.created_at)));
    bubble.append(meta);

    const node = el('li', {
      class: `message ${m.is_mine ? 'mine' : 'theirs'}${m.is_deleted ? ' deleted' : ''}`,
      dataset: { testid: 'message', messageId: m.id, mine: String(m.is_mine), type: m.message_type },
    }, bubble);

    if (m.reactions?.length) {
      node.append(el('div', { class: 'reactions', dataset: { testid: 'reactions' } }, m.reactions.map(r => {
        const mine = r.user_ids.includes(this.#me.userId);
        return el('button', {
          type: 'button',
          class: `reaction${mine ? ' mine' : ''}`,
          title: r.user_ids.map(id => this.#names.get(id) ?? 'Someone').join(', '),
          dataset: { testid: 'reaction', reaction: r.reaction, count: r.count },
          onclick: () => this.#actions.react(m, r.reaction),
        }, `${r.reaction} ${r.count}`);
      })));
    }
    if (!m.is_deleted) node.append(...this.#actions.menu(m));
    if (m.is_mine) this.#renderReadState(m, meta);
    return node;
  }

  #replyQuote(reply) {
    return el('blockquote', {
      class: 'reply-quote',
      dataset: { testid: 'reply-quote', replyToId: reply.id },
      onclick: () => this.#elements.get(reply.id)?.scrollIntoView({ block: 'center' }),
    }, el('strong', {}, reply.sender_user_id === this.#me.userId ? 'You' : reply.sender_name), el('span', {}, this.#previewOf(reply)));
  }

  /**
   * A message of mine the server does not have yet: a clock while it is pending, and once the outbox gave up
   * or the server refused it, why, with Retry (same client_message_id) and Discard.
   */
  #pendingElement(item) {
    const failed = item.state === 'failed';
    const bubble = el('div', { class: 'bubble' });
    if (item.replyTo) {
      const r = item.replyTo;
      bubble.append(this.#replyQuote({ id: r.id, sender_user_id: r.sender_user_id, sender_name: r.sender_name, preview: r.content }));
    }
    bubble.append(el('p', { class: 'text', dataset: { testid: 'message-text' } }, item.content));
    const state = failed
      ? el('span', { class: 'send-state', title: 'Not sent', 'aria-label': 'Not sent', dataset: { testid: 'send-state', state: 'failed' } }, '!')
      : el('span', { class: 'send-state', title: 'Sending…', 'aria-label': 'Sending', dataset: { testid: 'send-state', state: 'pending' } }, icon('clock'));
    bubble.append(el('div', { class: 'meta' }, el('time', { datetime: item.createdAt }, formatTime(item.createdAt)), state));
    const node = el('li', {
      class: `message mine ${failed ? 'failed' : 'pending'}`,
      dataset: { testid: 'message', pending: 'true', state: item.state, clientId: item.clientId, mine: 'true', type: 'text' },
    }, bubble);
    if (item.note) node.append(el('p', { class: 'send-note', dataset: { testid: 'send-note' } }, item.note));
    if (failed) {
      node.append(el('div', { class: 'send-actions' },
        el('button', { type: 'button', dataset: { testid: 'retry-send' }, onclick: () => this.#outbox.retry(item.clientId) }, 'Retry'),
        el('button', { type: 'button', dataset: { testid: 'discard-send' }, onclick: () => this.#discard(item) }, 'Discard')));
    }
    return node;
  }

  #renderPending(item) {
    if (item.conversationId !== this.conversationId || !this.#outbox.has(item.clientId)) return;
    const node = this.#pendingElement(item);
    const existing = this.#pendingElements.get(item.clientId);
    if (existing) {
      const hadFocus = existing.contains(document.activeElement);
      existing.replaceWith(node);
      if (hadFocus) node.querySelector('button')?.focus();
    } else {
      byId('message-list').append(node);
    }
    this.#pendingElements.set(item.clientId, node);
  }

  #removePending(clientId) {
    this.#pendingElements.get(clientId)?.remove();
    this.#pendingElements.delete(clientId);
  }

  #firstPendingElement() {
    return byId('message-list').querySelector(':scope > [data-pending]');
  }

  #delivered(item, message) {
    this.#removePending(item.clientId);
    this.#composer.clearConnectionError();
    this.#on.sent?.(message.conversation_id);
    // Came in through #insert (hub push, history): already shown. Came as the send's answer: show it now.
    if (!this.#messages.has(message.id)) this.messageCreated(message);
  }

  /**
   * Refused right away while I am still at the composer: the text goes back into it with the server's reason,
   * as if never sent. Refused later (a retry after an outage, another chat open): the bubble says why.
   */
  #refused(item, error) {
    if (item.tries === 1 && item.conversationId === this.conversationId && this.#composer.empty && !this.#composer.editing) {
      this.#discard(item);
      this.#composer.giveBack(item.content, item.replyTo, error);
      return;
    }
    this.#renderPending(item);
  }

  #discard(item) {
    this.#outbox.discard(item.clientId);
    this.#removePending(item.clientId);
  }

  /** A replied-to message's preview; media has no text, so it says what it was when this page knows. */
  #previewOf(reply) {
    const original = this.#messages.get(reply.id);
    return reply.preview ?? TypeWords[original?.message_type] ?? 'Message';
  }

  #renderReadState(message, meta = this.#elements.get(message.id)?.querySelector('.meta')) {
    if (!meta || message.is_deleted) return;
    const read = [...this.#readPositions.entries()].some(([userId, lastRead]) => userId !== this.#me.userId && lastRead >= message.id);
    let mark = meta.querySelector('[data-testid="read-state"]');
    if (!mark) {
      mark = el('span', { class: 'read-state', dataset: { testid: 'read-state' } });
      meta.append(mark);
    }
    mark.dataset.read = String(read);
    mark.textContent = read ? '✓✓' : '✓';
    mark.title = read ? 'Read' : 'Sent';
  }

  #nearBottom() {
    const scroller = byId('message-scroller');
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 120;
  }

  #scrollToBottom() {
    const scroller = byId('message-scroller');
    scroller.scrollTop = scroller.scrollHeight;
    // Images and players change height once loaded: stay at the bottom.
    requestAnimationFrame(() => { scroller.scrollTop = scroller.scrollHeight; });
  }

  async #loadOlder() {
    if (!this.#hasMore || this.#loadingOlder || !this.#conversation) return;
    this.#loadingOlder = true;
    const conversationId = this.#conversation.id;
    try {
      const oldest = Math.min(...this.#messages.keys());
      const page = await this.#api.history(conversationId, { before: oldest, limit: PageSize });
      if (conversationId !== this.conversationId) return;
      const scroller = byId('message-scroller');
      const fromBottom = scroller.scrollHeight - scroller.scrollTop;
      this.#hasMore = page.has_more;
      this.#insert(page.messages);
      scroller.scrollTop = scroller.scrollHeight - fromBottom;
    } catch (error) {
      this.#on.error(error);
    } finally {
      this.#loadingOlder = false;
    }
  }

  async #markRead() {
    const c = this.#conversation;
    if (!c || document.visibilityState !== 'visible' || this.#messages.size === 0) return;
    const newest = Math.max(...this.#messages.keys());
    if (newest <= this.#lastMarkedRead) return;
    this.#lastMarkedRead = newest;
    try {
      await this.#api.markRead(c.id, newest);
      this.#on.read(c.id);
    } catch {
      this.#lastMarkedRead = 0; // try again with the next message
    }
  }

  // --- conversation actions ----------------------------------------------------------------------------

  #wire() {
    byId('load-older').addEventListener('click', () => this.#loadOlder());
    byId('message-scroller').addEventListener('scroll', event => {
      if (event.target.scrollTop < 80) this.#loadOlder();
    });
    document.addEventListener('visibilitychange', () => this.#markRead());
    byId('block-toggle').addEventListener('click', () => this.#toggleBlock());
    byId('delete-conversation').addEventListener('click', () => this.#deleteConversation());
    byId('start-voice-call').addEventListener('click', () => this.#on.startCall(this.#conversation, 'voice'));
    byId('start-video-call').addEventListener('click', () => this.#on.startCall(this.#conversation, 'video'));
    byId('thread-calls').addEventListener('click', () => this.#on.showCalls(this.#conversation));
  }

  async #toggleBlock() {
    const c = this.#conversation;
    const userId = c?.other_user_id;
    if (!userId) return;
    const blocking = !this.#blocked.has(userId);
    if (blocking && !await confirmAction(`Block ${c.name}? Neither of you can then message or call the other.`, 'Block')) return;
    try {
      if (blocking) await this.#api.block(userId);
      else await this.#api.unblock(userId);
      this.#on.blockChanged(userId, blocking);
    } catch (error) {
      this.#on.error(error);
    }
  }

  async #deleteConversation() {
    const c = this.#conversation;
    if (!c || !await confirmAction(`Delete the chat with ${c.name}? It disappears for you only, until a new message arrives.`, 'Delete chat')) return;
    try {
      await this.#api.deleteConversation(c.id);
      this.close();
      this.#on.deleted(c.id);
    } catch (error) {
      this.#on.error(error);
    }
  }
}
