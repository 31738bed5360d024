// The public REST API (/api/chat, see API.md), nothing else. Refusals become ApiError with the stable `code`.

export class ApiError extends Error {
  constructor(status, problem, retryAfter = null) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.code = problem?.code ?? `http_${status}`;
    this.problem = problem;
    /** Seconds, from a 429 or 503 answer's Retry-After header. */
    this.retryAfter = retryAfter;
  }
}

const noConnection = () => new ApiError(0, { code: 'no_connection', detail: 'No connection. Check your network and try again.' });

/**
 * fetch rejects with the browser's own words ("Failed to fetch", "NetworkError when attempting to fetch
 * resource.") when the request got no answer at all; the page says that in its own words, as status 0.
 */
async function fetchOrNoConnection(url, options) {
  try {
    return await fetch(url, options);
  } catch {
    throw noConnection();
  }
}

export function createApi(token, { onUnauthorized } = {}) {
  const authorization = `Bearer ${token}`;

  async function request(method, path, { query, json, form } = {}) {
    const url = new URL(path, location.origin);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
    }
    const headers = { Authorization: authorization, Accept: 'application/json' };
    let body;
    if (form) {
      body = form;
    } else if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    }
    const response = await fetchOrNoConnection(url, { method, headers, body });
    if (response.status === 401) {
      onUnauthorized?.();
      throw new ApiError(401, { code: 'unauthorized', detail: 'Your session has ended. Sign in again.' });
    }
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch { /* not a problem document */ }
      throw new ApiError(response.status, problem, response.headers.get('Retry-After'));
    }
    if (response.status === 204) return null;
    try {
      return await response.json();
    } catch {
      // The connection dropped while the answer was read: as good as no answer (a send is retried as such).
      throw noConnection();
    }
  }

  /** Media bytes need the bearer token, so elements get them through a blob URL, never the raw URL. */
  async function fetchBlob(mediaUrl) {
    const url = new URL(mediaUrl, location.origin);
    const headers = url.origin === location.origin ? { Authorization: authorization } : {};
    const response = await fetchOrNoConnection(url, { headers });
    if (!response.ok) throw new ApiError(response.status, null);
    return response.blob();
  }

  return {
    // Conversations
    listConversations: ({ q, cursor, archived } = {}) =>
      request('GET', '/api/chat/conversations', { query: { q, cursor, archived, limit: 50 } }),
    getConversation: id => request('GET', `/api/chat/conversations/${id}`),
    openDirect: userId =>
      request('POST', '/api/chat/conversations', { json: { type: 'direct', participant_user_ids: [userId] } }),
    deleteConversation: id => request('DELETE', `/api/chat/conversations/${id}`),
    markRead: (id, messageId) => request('POST', `/api/chat/conversations/${id}/read`, { json: { message_id: messageId } }),
    readStatus: id => request('GET', `/api/chat/conversations/${id}/read-status`),

    // Messages
    history: (conversationId, { before, after, limit = 30 } = {}) =>
      request('GET', `/api/chat/messages/${conversationId}`, { query: { before, after, limit } }),
    send: message => request('POST', '/api/chat/messages', { json: message }),
    edit: (id, content) => request('PUT', `/api/chat/messages/${id}`, { json: { content } }),
    deleteMessage: (id, scope) => request('DELETE', `/api/chat/messages/${id}`, { query: { for: scope } }),
    react: (id, reaction) => request('POST', `/api/chat/messages/${id}/reactions`, { json: { reaction } }),
    unreact: id => request('DELETE', `/api/chat/messages/${id}/reactions`),

    // People
    contacts: ({ q, cursor } = {}) => request('GET', '/api/chat/contacts', { query: { q, cursor, limit: 50 } }),
    block: userId => request('POST', '/api/chat/block', { json: { blocked_user_id: userId } }),
    unblock: userId => request('DELETE', `/api/chat/block/${userId}`),
    blocked: ({ cursor } = {}) => request('GET', '/api/chat/blocked', { query: { cursor, limit: 100 } }),
    settings: () => request('GET', '/api/chat/settings'),
    updateSettings: changes => request('PUT', '/api/chat/settings', { json: changes }),
    statuses: userIds => request('GET', '/api/chat/users/status', { query: { user_ids: userIds.join(',') } }),

    // Media
    /** `kind` (audio for a voice note) only helps the server tell audio from video in a WebM; the bytes decide the rest. */
    upload: (file, kind) => {
      const form = new FormData();
      if (kind) form.append('kind', kind);
      form.append('file', file, file.name);
      return request('POST', '/api/chat/media', { form });
    },
    fetchBlob,

    // Calls
    startCall: (conversationId, callType) =>
      request('POST', '/api/chat/calls', { json: { conversation_id: conversationId, call_type: callType } }),
    updateCall: (id, action) => request('PUT', `/api/chat/calls/${id}`, { json: { action } }),
    calls: ({ conversationId, cursor } = {}) =>
      request('GET', '/api/chat/calls', { query: { conversation_id: conversationId, cursor, limit: 50 } }),
    iceServers: () => request('GET', '/api/chat/ice-servers'),
  };
}
