// Voice and video calls: the call's life over REST (/api/chat/calls), media over WebRTC, signalling over the hub.
//
// The caller prepares camera/microphone and a peer connection, then POSTs the call; the callee is rung
// (call_ringing), answers (PUT answer) and prepares the same; once the call is answered the caller sends
// the offer. Offers, answers and ICE candidates travel as call_signal between the two, with the sender
// stamped by the server. The panel's data-call-state tells where the call is (tests wait on it).
import { byId, formatDuration, show } from './dom.js';

const Ended = new Set(['missed', 'declined', 'cancelled', 'no_answer', 'ended', 'failed']);
const EndedText = {
  missed: 'Missed call', declined: 'Call declined', cancelled: 'Call cancelled', no_answer: 'No answer',
  ended: 'Call ended', failed: 'Call failed',
};

export class Calls {
  #api;
  #hub;
  #me;
  #nameOf;
  #onError;
  #call = null;
  #role = null;
  #peerName = '';
  #pc = null;
  #local = null;
  #pendingCandidates = [];
  #answeredHere = false;
  #offered = false;
  #signals = Promise.resolve();
  #connectedAt = null;
  #clock = null;
  #hideTimer = null;

  /** @param nameOf conversation id → the name to show for the other side */
  constructor({ api, hub, me, nameOf, onError }) {
    this.#api = api;
    this.#hub = hub;
    this.#me = me;
    this.#nameOf = nameOf;
    this.#onError = onError;
    byId('answer-call').addEventListener('click', () => this.answer());
    byId('decline-call').addEventListener('click', () => this.hangUp());
    byId('hang-up').addEventListener('click', () => this.hangUp());
    byId('camera-toggle').addEventListener('click', () => this.#turnCameraOn());
  }

  async start(conversation, callType) {
    if (this.#call) {
      this.#onError(new Error('You are already in a call.'));
      return;
    }
    try {
      this.#local = await navigator.mediaDevices.getUserMedia({ audio: true, video: callType === 'video' });
    } catch (error) {
      this.#onError(new Error(`The ${callType === 'video' ? 'camera or microphone' : 'microphone'} is not available (${error.message}).`));
      return;
    }
    try {
      await this.#createPeer();
      this.#role = 'caller';
      this.#peerName = conversation.name;
      const { call } = await this.#api.startCall(conversation.id, callType);
      this.#call = call;
      this.#open(call);
      this.#setState('ringing', `Calling ${this.#peerName}…`);
      this.#buttons({ hangUp: true });
    } catch (error) {
      this.#release();
      this.#onError(error);
    }
  }

  /** call_ringing: somebody calls me (my own call ringing my other devices is not for this page). */
  ringing(call) {
    if (call.caller_user_id === this.#me.userId || this.#call) return;
    this.#call = call;
    this.#role = 'callee';
    this.#peerName = this.#nameOf(call.conversation_id);
    this.#answeredHere = false;
    this.#open(call);
    this.#setState('incoming', `Incoming ${call.call_type} call from ${this.#peerName}`);
    this.#buttons({ answer: true, decline: true });
  }

  async answer() {
    const call = this.#call;
    if (!call || this.#role !== 'callee') return;
    this.#buttons({ hangUp: true });
    this.#setState('connecting', 'Connecting…');
    try {
      this.#local = await navigator.mediaDevices.getUserMedia({ audio: true, video: call.call_type === 'video' });
      byId('local-video').srcObject = this.#local;
      byId('call-panel').classList.toggle('has-local-video', call.call_type === 'video');
      await this.#createPeer();
      this.#answeredHere = true;
      const { call: answered } = await this.#api.updateCall(call.id, 'answer');
      this.#call = answered;
    } catch (error) {
      this.#onError(error);
      await this.hangUp();
    }
  }

  /** Hang up, cancel my ringing call, or decline one that rings me. */
  async hangUp() {
    const call = this.#call;
    if (!call) return;
    const action = call.status === 'answered' ? 'end' : this.#role === 'caller' ? 'cancel' : 'decline';
    let status = action === 'end' ? 'ended' : action === 'cancel' ? 'cancelled' : 'declined';
    try {
      const { call: updated } = await this.#api.updateCall(call.id, action);
      status = updated.status;
    } catch (error) {
      // Already over on the server (the other side ended it first): nothing to add.
      if (error.status !== 409) this.#onError(error);
    }
    this.#finish(status);
  }

  /** call_updated: answered (the caller now offers), or over. */
  updated(call) {
    if (!this.#call || call.id !== this.#call.id) return;
    this.#call = call;
    if (Ended.has(call.status)) {
      this.#finish(call.status);
    } else if (call.status === 'answered') {
      if (this.#role === 'caller' && !this.#offered) {
        this.#offered = true;
        this.#setState('connecting', 'Connecting…');
        this.#enqueue(() => this.#offer('offer'));
      } else if (this.#role === 'callee' && !this.#answeredHere) {
        this.#finish('answered_elsewhere');
      }
    }
  }

  /** call_signal: the other side's offer, answer or ICE candidate, handled one at a time in arrival order. */
  signal({ call_id: callId, kind, payload }) {
    if (!this.#call || callId !== this.#call.id) return;
    const data = typeof payload === 'string' ? JSON.parse(payload) : payload;
    this.#enqueue(async () => {
      const pc = this.#pc;
      if (!pc) return;
      if (kind === 'offer' || kind === 'renegotiate') {
        await pc.setRemoteDescription(data);
        await this.#flushCandidates();
        await pc.setLocalDescription(await pc.createAnswer());
        await this.#send('answer', pc.localDescription);
      } else if (kind === 'answer') {
        await pc.setRemoteDescription(data);
        await this.#flushCandidates();
      } else if (kind === 'ice_candidate') {
        if (pc.remoteDescription) await pc.addIceCandidate(data);
        else this.#pendingCandidates.push(data);
      }
    });
  }

  async #createPeer() {
    let iceServers = [];
    try {
      iceServers = (await this.#api.iceServers()).ice_servers
        .map(s => ({ urls: s.urls, username: s.username ?? undefined, credential: s.credential ?? undefined }));
    } catch {
      // Without STUN/TURN, host candidates still connect peers on the same network.
    }
    const pc = new RTCPeerConnection({ iceServers });
    this.#pc = pc;
    this.#pendingCandidates = [];
    this.#offered = false;
    for (const track of this.#local.getTracks()) pc.addTrack(track, this.#local);
    pc.onicecandidate = event => {
      if (event.candidate) this.#send('ice_candidate', event.candidate);
    };
    pc.ontrack = event => {
      const remote = byId('remote-video');
      remote.srcObject = event.streams[0] ?? new MediaStream([event.track]);
      remote.play().catch(() => {});
      if (event.track.kind === 'video') byId('call-panel').classList.add('has-remote-video');
    };
    pc.onconnectionstatechange = () => {
      if (pc !== this.#pc) return;
      if (pc.connectionState === 'connected') {
        this.#connectedAt ??= Date.now();
        this.#setState('connected', 'Connected');
        this.#tick();
      } else if (pc.connectionState === 'disconnected') {
        this.#setState('reconnecting', 'Reconnecting…');
      } else if (pc.connectionState === 'failed') {
        this.#setState('failed', 'The connection failed');
      }
    };
  }

  async #offer(kind) {
    const pc = this.#pc;
    if (!pc) return;
    await pc.setLocalDescription(await pc.createOffer());
    await this.#send(kind, pc.localDescription);
  }

  /** A voice call becomes a video call: add the camera and renegotiate. */
  async #turnCameraOn() {
    if (!this.#pc || !this.#local) return;
    try {
      const camera = await navigator.mediaDevices.getUserMedia({ video: true });
      const track = camera.getVideoTracks()[0];
      this.#local.addTrack(track);
      this.#pc.addTrack(track, this.#local);
      byId('local-video').srcObject = this.#local;
      byId('call-panel').classList.add('has-local-video');
      show(byId('camera-toggle'), false);
      this.#enqueue(() => this.#offer('renegotiate'));
    } catch (error) {
      this.#onError(error);
    }
  }

  async #flushCandidates() {
    const waiting = this.#pendingCandidates;
    this.#pendingCandidates = [];
    for (const candidate of waiting) await this.#pc.addIceCandidate(candidate);
  }

  #send(kind, payload) {
    const call = this.#call;
    if (!call) return Promise.resolve();
    // The payload is any JSON value, relayed untouched: the description or candidate as an object.
    const value = typeof payload?.toJSON === 'function' ? payload.toJSON() : payload;
    return this.#hub.sendCallSignal(call.id, kind, value).catch(error => this.#onError(error));
  }

  #enqueue(step) {
    this.#signals = this.#signals.then(step).catch(error => this.#onError(error));
  }

  #open(call) {
    clearTimeout(this.#hideTimer);
    const panel = byId('call-panel');
    panel.dataset.callId = call.id;
    panel.dataset.callType = call.call_type;
    panel.classList.toggle('video', call.call_type === 'video');
    panel.classList.remove('has-remote-video');
    panel.classList.toggle('has-local-video', Boolean(this.#local?.getVideoTracks().length));
    byId('call-peer').textContent = this.#peerName;
    byId('local-video').srcObject = this.#local;
    byId('remote-video').srcObject = null;
    this.#connectedAt = null;
    show(panel, true);
  }

  #setState(state, text) {
    byId('call-panel').dataset.callState = state;
    byId('call-status').textContent = text;
  }

  #tick() {
    clearInterval(this.#clock);
    this.#clock = setInterval(() => {
      if (byId('call-panel').dataset.callState === 'connected') {
        byId('call-status').textContent = `Connected · ${formatDuration((Date.now() - this.#connectedAt) / 1000)}`;
      }
    }, 1000);
  }

  #buttons({ answer = false, decline = false, hangUp = false }) {
    show(byId('answer-call'), answer);
    show(byId('decline-call'), decline);
    show(byId('hang-up'), hangUp);
    show(byId('camera-toggle'), hangUp && this.#call?.call_type === 'voice');
  }

  #finish(status) {
    this.#release();
    byId('call-panel').classList.remove('video', 'has-local-video', 'has-remote-video');
    this.#call = null;
    this.#role = null;
    this.#buttons({});
    this.#setState('ended', status === 'answered_elsewhere' ? 'Answered on another device' : EndedText[status] ?? 'Call ended');
    this.#hideTimer = setTimeout(() => show(byId('call-panel'), false), 2500);
  }

  #release() {
    clearInterval(this.#clock);
    this.#pc?.close();
    this.#pc = null;
    this.#local?.getTracks().forEach(track => track.stop());
    this.#local = null;
    byId('local-video').srcObject = null;
    byId('remote-video').srcObject = null;
    this.#signals = Promise.resolve();
  }
}
