// Text messages on their way to the server. A send shows at once as pending; a network failure or a
// transient server answer (5xx, 408, 429) is retried by itself with the same client_message_id, which
// the API deduplicates, so a retry whose first try did arrive never makes a second message. A refusal
// (any other 4xx) is not retried. The queue lives for the tab, across conversations.
import { newClientId } from './dom.js';

/** Waits between tries while the browser believes it is online; after the last one the queue gives up. */
const RetryDelaysMs = [1000, 2000, 4000, 8000];
/** While the browser says it is offline no try is counted, but nothing stays pending longer than this. */
const GiveUpAfterMs = 2 * 60 * 1000;
const OfflineCheckMs = 5000;

export const NoConnectionText = 'No connection — will retry';
const ServerBusyText = 'The server is not answering — will retry';
const GaveUpText = 'Not sent. Check your connection, then retry.';

/** A failure worth another try: the request may not have arrived, or the server could not take it now. */
function isTransient(error) {
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

export class Outbox {
  #api;
  #on;
  /** Items in the order they were written, so messages reach the server in that order. */
  #items = new Map();
  #draining = false;
  #timer = null;
  #failedTries = 0;

  /**
   * @param on callbacks: changed(item) when an item's state or note changes, delivered(item, message) once
   *           the server has it, refused(item, error) when the server refused it for good.
   */
  constructor({ api, on }) {
    this.#api = api;
    this.#on = on;
    window.addEventListener('online', () => this.retryNow());
  }

  /** Queues a text message and starts sending it. Returns the item (state 'pending'). */
  send({ conversationId, content, replyTo }) {
    const item = {
      clientId: newClientId(),
      conversationId,
      content,
      replyTo: replyTo ?? null,
      createdAt: new Date().toISOString(),
      state: 'pending',
      note: null,
      error: null,
      tries: 0,
      since: Date.now(),
    };
    this.#items.set(item.clientId, item);
    // The caller shows the item first; its first try (and any news about it) comes after that.
    queueMicrotask(() => this.#drain());
    return item;
  }

  /** Pending and failed messages of one conversation, oldest first. */
  itemsFor(conversationId) {
    return [...this.#items.values()].filter(item => item.conversationId === conversationId);
  }

  has(clientId) {
    return this.#items.has(clientId);
  }

  /** The server's copy of a queued message arrived (answer, hub push or history): it is delivered. */
  settle(message) {
    const item = message.client_message_id && this.#items.get(message.client_message_id);
    if (!item || !message.is_mine) return;
    this.#items.delete(item.clientId);
    this.#on.delivered(item, message);
  }

  /** The person asked to try a failed message again: same client id, a fresh allowance of tries. */
  retry(clientId) {
    const item = this.#items.get(clientId);
    if (!item || item.state !== 'failed') return;
    Object.assign(item, { state: 'pending', note: null, error: null, since: Date.now() });
    this.#on.changed(item);
    this.retryNow();
  }

  discard(clientId) {
    this.#items.delete(clientId);
  }

  /** The connection looks back (online event, hub reconnected): try the pending ones now, not at the next backoff. */
  retryNow() {
    clearTimeout(this.#timer);
    this.#timer = null;
    this.#failedTries = 0;
    this.#drain();
  }

  async #drain() {
    if (this.#draining) return;
    this.#draining = true;
    try {
      for (let item = this.#head(); item; item = this.#head()) {
        if (!await this.#try(item)) return;
      }
    } finally {
      this.#draining = false;
    }
  }

  #head() {
    for (const item of this.#items.values()) {
      if (item.state === 'pending') return item;
    }
    return null;
  }

  /** One try of the oldest pending item; false when the queue must wait (a timer or the network wakes it). */
  async #try(item) {
    if (Date.now() - item.since > GiveUpAfterMs) {
      this.#giveUp();
      return true;
    }
    if (navigator.onLine === false) {
      this.#note(item, NoConnectionText);
      this.#wake(OfflineCheckMs);
      return false;
    }
    item.tries += 1;
    try {
      const { message } = await this.#api.send({
        conversation_id: item.conversationId,
        message_type: 'text',
        content: item.content,
        reply_to_id: item.replyTo?.id,
        client_message_id: item.clientId,
      });
      this.#failedTries = 0;
      this.settle(message);
      return true;
    } catch (error) {
      if (!this.#items.has(item.clientId)) return true; // delivered meanwhile (hub push) or discarded
      if (!isTransient(error)) {
        Object.assign(item, { state: 'failed', note: error.message, error });
        this.#on.refused(item, error);
        return true;
      }
      // An offline browser's failures say nothing about the server: they do not use up the tries.
      if (navigator.onLine !== false) this.#failedTries += 1;
      if (this.#failedTries > RetryDelaysMs.length) {
        this.#giveUp();
        return true;
      }
      this.#note(item, error.status === 0 ? NoConnectionText : ServerBusyText);
      this.#wake(this.#retryAfterMs(error) ?? RetryDelaysMs[Math.max(0, this.#failedTries - 1)]);
      return false;
    }
  }

  /** The connection is gone for good as far as this queue can tell: every pending message is failed, with a retry. */
  #giveUp() {
    this.#failedTries = 0;
    for (const item of this.#items.values()) {
      if (item.state !== 'pending') continue;
      Object.assign(item, { state: 'failed', note: GaveUpText, error: null });
      this.#on.changed(item);
    }
  }

  #note(item, note) {
    if (item.note === note) return;
    item.note = note;
    this.#on.changed(item);
  }

  #wake(delayMs) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#drain();
    }, delayMs);
  }

  #retryAfterMs(error) {
    const seconds = Number(error.retryAfter);
    return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 60) * 1000 : null;
  }
}
