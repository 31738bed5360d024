// The web chat page: signs in, then wires the sidebar, the open conversation, the dialogs, calls and the hub.
// Plain ES modules, no build step; it uses only the public REST API and the hub.
import { createApi } from './api.js';
import { Calls } from './calls.js';
import { ConversationList } from './conversation-list.js';
import { CallsDialog, ContactsDialog, SettingsDialog } from './dialogs.js';
import { byId, paintAvatar, show, wireDialogs } from './dom.js';
import { connectHub } from './hub.js';
import { currentSession, signIn, signOut } from './session.js';
import { Thread } from './thread.js';

const ConnectionText = {
  connecting: 'Connecting…', connected: 'Live', reconnecting: 'Reconnecting…', disconnected: 'Offline: retrying',
};

function toast(message, { transient = false } = {}) {
  let node = byId('toast');
  if (!node) {
    node = document.createElement('div');
    node.id = 'toast';
    node.className = 'toast';
    node.dataset.testid = 'toast';
    node.setAttribute('role', 'alert');
    document.body.append(node);
  }
  node.textContent = message;
  node.dataset.transient = String(transient);
  node.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { node.hidden = true; }, 5000);
}

/** A toast about the connection is stale once the connection is back. */
function clearConnectionToast() {
  const node = byId('toast');
  if (node?.dataset.transient === 'true') node.hidden = true;
}

function conversationFromHash() {
  const match = /conversation=(\d+)/.exec(location.hash);
  return match ? Number(match[1]) : null;
}

async function main() {
  wireDialogs();
  const session = currentSession() ?? await signIn();
  const me = { userId: session.userId, name: session.name };
  const api = createApi(session.token, { onUnauthorized: () => signOut('Your session has ended. Sign in again.') });
  const blocked = new Set();
  const onError = error => toast(error.message, { transient: error.status === 0 || error.status >= 500 });

  show(byId('app'), true);
  byId('app').dataset.userId = me.userId;
  const renderMe = () => {
    byId('me-name').textContent = me.name ?? `User ${me.userId}`;
    paintAvatar(byId('me-avatar'), me.name ?? String(me.userId));
  };
  renderMe();

  let list;
  let thread;
  let calls;
  const hub = connectHub(session.token, {
    message_created: ({ message }) => {
      thread.messageCreated(message);
      list.refreshSoon();
    },
    message_updated: ({ message }) => {
      thread.messageUpdated(message);
      list.refreshSoon();
    },
    message_deleted: event => {
      thread.messageDeleted(event).catch(onError);
      list.refreshSoon();
    },
    reaction_changed: event => thread.reactionChanged(event),
    conversation_updated: () => list.refreshSoon(),
    read_updated: event => {
      thread.readUpdated(event);
      if (event.user_id === me.userId) list.refreshSoon();
    },
    typing: event => thread.typing(event),
    presence_changed: event => thread.presenceChanged(event),
    call_ringing: ({ call }) => calls.ringing(call),
    call_updated: ({ call }) => calls.updated(call),
    call_signal: event => calls.signal(event),
  }, (state, info) => {
    const indicator = byId('connection-state');
    indicator.dataset.state = state;
    indicator.title = ConnectionText[state];
    if (state === 'connected') clearConnectionToast();
    if (info?.reconnected) {
      list.refresh();
      thread.catchUp().catch(onError);
    }
  });

  // The browser says the network is back: what failed meanwhile (the list, the open chat) loads again,
  // even when the hub never noticed the outage.
  window.addEventListener('online', () => {
    list.refresh();
    thread.catchUp().catch(onError);
  });

  const open = summary => {
    history.replaceState(null, '', `#conversation=${summary.id}`);
    list.setActive(summary.id);
    byId('app').classList.add('thread-open');
    thread.open(summary);
  };

  list = new ConversationList({ api, me, onOpen: open, onError });
  thread = new Thread({
    api,
    hub,
    me,
    blocked,
    on: {
      read: id => list.markRead(id),
      deleted: () => {
        history.replaceState(null, '', '#');
        list.setActive(null);
        byId('app').classList.remove('thread-open');
        list.refresh();
      },
      blockChanged: (userId, isBlocked) => {
        if (isBlocked) blocked.add(userId);
        else blocked.delete(userId);
        thread.blockChanged();
      },
      startCall: (conversation, type) => calls.start(conversation, type),
      showCalls: conversation => callsDialog.open(conversation),
      sent: () => list.refreshSoon(),
      error: onError,
    },
  });
  calls = new Calls({ api, hub, me, nameOf: id => list.summary(id)?.name ?? 'Someone', onError });

  const contacts = new ContactsDialog({
    api,
    onError,
    onPick: async contact => {
      try {
        const { conversation } = await api.openDirect(contact.user_id);
        list.upsert(conversation);
        open(conversation);
      } catch (error) {
        onError(error);
      }
    },
  });
  const settings = new SettingsDialog({ api, blocked, onError, onUnblocked: () => thread.blockChanged() });
  const callsDialog = new CallsDialog({ api, me, onError });

  byId('thread-back').addEventListener('click', () => byId('app').classList.remove('thread-open'));
  byId('open-contacts').addEventListener('click', () => contacts.open());
  byId('open-settings').addEventListener('click', () => settings.open());
  byId('open-calls').addEventListener('click', () => callsDialog.open(null));
  byId('sign-out').addEventListener('click', async () => {
    await hub.stop();
    signOut();
  });

  await Promise.all([list.refresh(), settings.loadBlocked().catch(onError)]);

  // After a reload the same chat stays open.
  const openId = conversationFromHash();
  const summary = openId && list.summary(openId);
  if (summary) open(summary);

  // A pasted token carries no name: my name is in any conversation's member list.
  if (!me.name) {
    const first = list.summary(openId) ?? [...document.querySelectorAll('[data-testid="conversation-item"]')]
      .map(item => list.summary(Number(item.dataset.conversationId)))[0];
    if (first) {
      const { conversation } = await api.getConversation(first.id);
      me.name = conversation.participants.find(p => p.user_id === me.userId)?.name ?? null;
      renderMe();
    }
  }
  document.body.dataset.ready = 'true';
}

main().catch(error => toast(error.message));
