// Astegni Chat: a small browser client for the chat service's REST API and hub.
// Dependency-free ES module. The hub part takes the SignalR client library as an argument (the npm package
// `@microsoft/signalr`, imported or loaded as the `signalR` global): SignalR's protocol (negotiation,
// transports, reconnects) is not something to re-implement in a small client.
//
//   import { ChatClient } from './astegni-chat.js';
//   const chat = new ChatClient({ baseUrl: 'https://chat.astegni.et', token: () => localStorage.getItem('token') });
//   const { conversations } = await chat.listConversations();
//   const hub = await chat.connectHub(signalR, { message_created: ({ message }) => show(message) });
//
// The caller is always the token's user: no call takes a user_id for "me".

/** A refusal of the service: RFC 7807 problem details with a stable `code` (e.g. `recipient_unavailable`). */
export class ChatApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'ChatApiError';
    this.status = status;
    this.code = problem?.code ?? null;
    this.problem = problem ?? null;
  }
}

export class ChatClient {
  /**
   * @param {object} options
   * @param {string} options.baseUrl  the chat service's origin, e.g. `https://chat.astegni.et` (no trailing slash needed)
   * @param {string | (() => string | Promise<string>)} options.token  Astegni's access token, or a function returning it
   * @param {typeof fetch} [options.fetch]  for tests or other runtimes
   */
  constructor({ baseUrl, token, fetch: fetchImpl } = {}) {
    if (!baseUrl) throw new TypeError('baseUrl is required');
    if (!token) throw new TypeError('token is required');
    this.baseUrl = String(baseUrl).replace(/\/+$/, '');
    this._token = typeof token === 'function' ? token : () => token;
    this._fetch = fetchImpl ?? globalThis.fetch.bind(globalThis);
  }

  // ---- conversations -------------------------------------------------------------------------------
  listConversations({ limit, cursor, archived, q } = {}) {
    return this.request('GET', '/api/chat/conversations', { query: { limit, cursor, archived, q } });
  }

  /** Opens (or finds) the direct chat with another user: `{conversation}`. */
  openDirect(userId) {
    return this.request('POST', '/api/chat/conversations', { body: { type: 'direct', participant_user_ids: [userId] } });
  }

  createGroup({ name, participantUserIds, description, avatarMediaId } = {}) {
    return this.request('POST', '/api/chat/conversations', {
      body: { type: 'group', name, description, avatar_media_id: avatarMediaId, participant_user_ids: participantUserIds },
    });
  }

  getConversation(conversationId) {
    return this.request('GET', `/api/chat/conversations/${conversationId}`);
  }

  deleteConversation(conversationId) {
    return this.request('DELETE', `/api/chat/conversations/${conversationId}`);
  }

  clearHistory(conversationId) {
    return this.request('DELETE', `/api/chat/conversations/${conversationId}/history`);
  }

  /** "I have read up to this message": clears the unread badge and, as privacy allows, shows read ticks. */
  markRead(conversationId, messageId) {
    return this.request('POST', `/api/chat/conversations/${conversationId}/read`, { body: { message_id: messageId } });
  }

  // ---- messages ------------------------------------------------------------------------------------
  /** Newest first: `{messages, has_more}`. `before`/`after` are message ids. */
  history(conversationId, { before, after, limit } = {}) {
    return this.request('GET', `/api/chat/messages/${conversationId}`, { query: { before, after, limit } });
  }

  /** Sends text. `clientMessageId` makes a retry safe (the service answers the original); one is made up if absent. */
  sendText(conversationId, content, { replyToId, clientMessageId } = {}) {
    return this.send({ conversation_id: conversationId, message_type: 'text', content, reply_to_id: replyToId, client_message_id: clientMessageId });
  }

  /** Sends an uploaded file (see uploadMedia) as `image`, `audio`, `video` or `file`, with an optional caption. */
  sendMedia(conversationId, mediaId, messageType, { content, replyToId, clientMessageId } = {}) {
    return this.send({
      conversation_id: conversationId, message_type: messageType, media_id: mediaId, content,
      reply_to_id: replyToId, client_message_id: clientMessageId,
    });
  }

  send(message) {
    const body = { ...message, client_message_id: message.client_message_id ?? newClientMessageId() };
    return this.request('POST', '/api/chat/messages', { body });
  }

  editMessage(messageId, content) {
    return this.request('PUT', `/api/chat/messages/${messageId}`, { body: { content } });
  }

  /** `forWhom`: `me` (default) or `everyone`. */
  deleteMessage(messageId, forWhom = 'me') {
    return this.request('DELETE', `/api/chat/messages/${messageId}`, { query: { for: forWhom } });
  }

  react(messageId, reaction) {
    return this.request('POST', `/api/chat/messages/${messageId}/reactions`, { body: { reaction } });
  }

  removeReaction(messageId) {
    return this.request('DELETE', `/api/chat/messages/${messageId}/reactions`);
  }

  searchMessages(q, { conversationId, cursor, limit } = {}) {
    return this.request('GET', '/api/chat/messages/search', { query: { q, conversation_id: conversationId, cursor, limit } });
  }

  // ---- media ---------------------------------------------------------------------------------------
  /** Uploads a File or Blob: `{media: {id, url, mime_type, ...}}`; then send it with sendMedia(…, media.id, …). */
  uploadMedia(file, fileName) {
    const form = new FormData();
    form.append('file', file, fileName ?? file.name ?? 'file');
    return this.request('POST', '/api/chat/media', { form });
  }

  /**
   * A media item's bytes (members only) as a Blob, for an <img>/<audio> via URL.createObjectURL. A message's
   * `media.signed_url` loads in such elements directly, without this, until it expires (15 min by default).
   */
  async mediaBlob(mediaId) {
    const response = await this._send('GET', `/api/chat/media/${mediaId}`);
    return response.blob();
  }

  // ---- people --------------------------------------------------------------------------------------
  block(userId, reason) {
    return this.request('POST', '/api/chat/block', { body: { blocked_user_id: userId, reason } });
  }

  unblock(userId) {
    return this.request('DELETE', `/api/chat/block/${userId}`);
  }

  listBlocked({ limit, cursor } = {}) {
    return this.request('GET', '/api/chat/blocked', { query: { limit, cursor } });
  }

  getSettings() {
    return this.request('GET', '/api/chat/settings');
  }

  /** Any subset of the settings, e.g. `{who_can_message: 'connections', read_receipts: false}`. */
  updateSettings(changes) {
    return this.request('PUT', '/api/chat/settings', { body: changes });
  }

  contacts({ q, limit, cursor } = {}) {
    return this.request('GET', '/api/chat/contacts', { query: { q, limit, cursor } });
  }

  /** Presence as each person's privacy allows: `{statuses: [{user_id, is_online?, last_seen?}]}`. */
  statuses(userIds) {
    return this.request('GET', '/api/chat/users/status', { query: { user_ids: userIds.join(',') } });
  }

  // ---- calls ---------------------------------------------------------------------------------------
  startCall(conversationId, callType = 'voice') {
    return this.request('POST', '/api/chat/calls', { body: { conversation_id: conversationId, call_type: callType } });
  }

  /** `action`: `answer`, `decline`, `cancel` or `end`. */
  updateCall(callId, action) {
    return this.request('PUT', `/api/chat/calls/${callId}`, { body: { action } });
  }

  listCalls({ conversationId, limit, cursor } = {}) {
    return this.request('GET', '/api/chat/calls', { query: { conversation_id: conversationId, limit, cursor } });
  }

  iceServers() {
    return this.request('GET', '/api/chat/ice-servers');
  }

  // ---- the hub -------------------------------------------------------------------------------------
  /**
   * Opens the hub `/hubs/chat` with the token and starts it. `handlers` maps server events to functions, e.g.
   * `{message_created: ({message}) => …, typing: ({conversation_id, user_id, is_typing}) => …}`.
   * @param {object} signalR  the `@microsoft/signalr` module (or the `signalR` global of signalr.min.js)
   */
  async connectHub(signalR, handlers = {}, { reconnect = true } = {}) {
    if (!signalR?.HubConnectionBuilder) throw new TypeError('pass the @microsoft/signalr module (or window.signalR)');
    let builder = new signalR.HubConnectionBuilder()
      .withUrl(`${this.baseUrl}/hubs/chat`, { accessTokenFactory: () => this._token() });
    if (reconnect) builder = builder.withAutomaticReconnect();
    const connection = builder.build();
    for (const [event, handler] of Object.entries(handlers)) connection.on(event, handler);
    await connection.start();
    return new HubSession(connection);
  }

  // ---- plumbing ------------------------------------------------------------------------------------
  /** Any route: resolves to the JSON body (null for 204), rejects with ChatApiError. */
  async request(method, path, options = {}) {
    const response = await this._send(method, path, options);
    if (response.status === 204) return null;
    const type = response.headers.get('content-type') || '';
    return type.includes('json') ? response.json() : response.text();
  }

  async _send(method, path, { query, body, form } = {}) {
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
    }
    const headers = { Authorization: `Bearer ${await this._token()}` };
    let payload;
    if (form) {
      payload = form; // the browser sets the multipart boundary
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(withoutUndefined(body));
    }
    const response = await this._fetch(url, { method, headers, body: payload });
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch { /* not a problem document */ }
      throw new ChatApiError(response.status, problem);
    }
    return response;
  }
}

/** An open hub connection: listen with `on`, and the client → server methods. */
export class HubSession {
  constructor(connection) {
    this.connection = connection;
  }

  on(event, handler) {
    this.connection.on(event, handler);
    return () => this.connection.off(event, handler);
  }

  /** I am typing (true) or stopped (false); the indicator clears by itself after a few seconds. */
  typing(conversationId, isTyping) {
    return this.connection.invoke('Typing', conversationId, isTyping);
  }

  /** A WebRTC signal for a call I take part in: `kind` is offer, answer, ice_candidate or renegotiate. */
  sendCallSignal(callId, kind, payload) {
    return this.connection.invoke('SendCallSignal', callId, kind, payload);
  }

  stop() {
    return this.connection.stop();
  }
}

function newClientMessageId() {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

function withoutUndefined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
