// The live connection to /hubs/chat (SignalR, JSON protocol) through the @microsoft/signalr browser client.

/**
 * Connects with the token in access_token, registers `handlers` (hub event name → function) and keeps
 * reconnecting, also after the server closed it. `onState` hears 'connecting' | 'connected' | 'reconnecting' |
 * 'disconnected'; 'connected' with `{ reconnected: true }` after any outage, so the page refetches what it
 * may have missed.
 */
export function connectHub(token, handlers, onState) {
  const signalR = window.signalR;
  if (!signalR) {
    onState('disconnected');
    throw new Error('The SignalR client (lib/signalr.min.js) is missing: start the service with build/run.');
  }

  const connection = new signalR.HubConnectionBuilder()
    // WebSockets straight away, no negotiate request: behind a load balancer without sticky sessions the
    // negotiate and the connection could reach different instances (SignalR's rule for scale-out).
    .withUrl('/hubs/chat', { accessTokenFactory: () => token, skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    // Jittered: when an instance dies, its thousands of pages must not all come back in the same second.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: context => Math.min(30000, 1000 * 2 ** context.previousRetryCount) * (0.5 + Math.random()) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  for (const [event, handler] of Object.entries(handlers)) {
    connection.on(event, handler);
  }
  connection.onreconnecting(() => onState('reconnecting'));
  connection.onreconnected(() => onState('connected', { reconnected: true }));
  let stopped = false;
  let connectedBefore = false;
  let failedStarts = 0;
  let retryTimer = null;
  // A full close (the server closed the connection, or the automatic reconnect gave up) is not retried by
  // the SignalR client: start again with a backoff, and say it is a reconnect so the page catches up.
  connection.onclose(() => {
    onState('disconnected');
    scheduleStart();
  });
  // The browser says the network is back: do not wait out the backoff.
  window.addEventListener('online', () => {
    if (retryTimer !== null) {
      clearTimeout(retryTimer);
      retryTimer = null;
      start();
    }
  });

  function scheduleStart() {
    if (stopped) return;
    clearTimeout(retryTimer);
    const delay = Math.min(30000, 1000 * 2 ** failedStarts) * (0.75 + Math.random() / 2);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      start();
    }, delay);
  }

  async function start() {
    if (stopped || connection.state !== signalR.HubConnectionState.Disconnected) return;
    onState('connecting');
    try {
      await connection.start();
      // Anything sent while this page had no connection (after an earlier one, or since a failed first try) is missed.
      const reconnected = connectedBefore || failedStarts > 0;
      failedStarts = 0;
      connectedBefore = true;
      onState('connected', { reconnected });
    } catch {
      failedStarts += 1;
      onState('disconnected');
      scheduleStart();
    }
  }

  start();

  const ready = () => connection.state === signalR.HubConnectionState.Connected;
  return {
    /** Fire-and-forget hints (typing) are dropped while disconnected. */
    typing: (conversationId, isTyping) => ready() ? connection.invoke('Typing', conversationId, isTyping).catch(() => {}) : Promise.resolve(),
    /** WebRTC signalling for a call: kind is offer | answer | ice_candidate | renegotiate. */
    sendCallSignal: (callId, kind, payload) => ready()
      ? connection.invoke('SendCallSignal', callId, kind, payload)
      : Promise.reject(new Error('No live connection: the call can go on once it is back.')),
    stop: () => {
      stopped = true;
      return connection.stop();
    },
  };
}
