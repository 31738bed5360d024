// The live connection to /hubs/chat (SignalR, JSON protocol) through the @microsoft/signalr browser client.

/**
 * Connects with the token in access_token, registers `handlers` (hub event name → function) and keeps
 * reconnecting. `onState` hears 'connecting' | 'connected' | 'reconnecting' | 'disconnected';
 * after a reconnect the page refetches what it may have missed.
 */
export function connectHub(token, handlers, onState) {
  const signalR = window.signalR;
  if (!signalR) {
    onState('disconnected');
    throw new Error('The SignalR client (lib/signalr.min.js) is missing: start the service with build/run.');
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/chat', { accessTokenFactory: () => token })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: context => Math.min(30000, 1000 * 2 ** context.previousRetryCount) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  for (const [event, handler] of Object.entries(handlers)) {
    connection.on(event, handler);
  }
  connection.onreconnecting(() => onState('reconnecting'));
  connection.onreconnected(() => onState('connected', { reconnected: true }));
  let stopped = false;
  connection.onclose(() => {
    onState('disconnected');
    if (!stopped) setTimeout(start, 5000);
  });

  async function start() {
    if (stopped) return;
    onState('connecting');
    try {
      await connection.start();
      onState('connected');
    } catch {
      onState('disconnected');
      setTimeout(start, 5000);
    }
  }

  start();

  const ready = () => connection.state === signalR.HubConnectionState.Connected;
  return {
    /** Fire-and-forget hints (typing) are dropped while disconnected. */
    typing: (conversationId, isTyping) => ready() ? connection.invoke('Typing', conversationId, isTyping).catch(() => {}) : Promise.resolve(),
    /** WebRTC signalling for a call: kind is offer | answer | ice_candidate | renegotiate. */
    sendCallSignal: (callId, kind, payload) => connection.invoke('SendCallSignal', callId, kind, payload),
    stop: () => {
      stopped = true;
      return connection.stop();
    },
  };
}
