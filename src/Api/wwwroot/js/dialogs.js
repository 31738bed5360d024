// The dialogs: start a chat from my contacts, privacy settings with my blocks, the call history.
import { byId, debounce, el, formatDuration, formatTime, icon, paintAvatar, show } from './dom.js';

export class ContactsDialog {
  #api;
  #onPick;
  #onError;

  constructor({ api, onPick, onError }) {
    this.#api = api;
    this.#onPick = onPick;
    this.#onError = onError;
    byId('contact-search').addEventListener('input', debounce(() => this.#load(), 250));
  }

  open() {
    byId('contact-search').value = '';
    byId('contacts-dialog').showModal();
    this.#load();
  }

  async #load() {
    try {
      const { contacts } = await this.#api.contacts({ q: byId('contact-search').value.trim() });
      byId('contact-list').replaceChildren(...contacts.map(contact => {
        const avatar = el('span', { class: 'avatar' });
        paintAvatar(avatar, contact.name);
        return el('li', {}, el('button', {
          type: 'button',
          class: 'pick',
          dataset: { testid: 'contact', userId: contact.user_id },
          onclick: () => {
            byId('contacts-dialog').close();
            this.#onPick(contact);
          },
        }, avatar, el('span', { class: 'pick-name' }, contact.name), contact.conversation_id ? el('span', { class: 'hint' }, 'open chat') : null));
      }));
      show(byId('contact-empty'), contacts.length === 0);
    } catch (error) {
      this.#onError(error);
    }
  }
}

const Choices = ['who_can_message', 'allow_calls_from', 'allow_group_adds', 'last_seen_visibility'];
const Switches = ['online_status', 'read_receipts', 'typing_indicators', 'disable_forwarding', 'block_screenshots'];

export class SettingsDialog {
  #api;
  #blocked;
  #onUnblocked;
  #onError;

  /** @param blocked the page's set of user ids I blocked (kept in step with the server here). */
  constructor({ api, blocked, onUnblocked, onError }) {
    this.#api = api;
    this.#blocked = blocked;
    this.#onUnblocked = onUnblocked;
    this.#onError = onError;
    byId('settings-form').addEventListener('submit', event => {
      event.preventDefault();
      this.#save();
    });
  }

  async open() {
    const status = byId('settings-status');
    status.textContent = '';
    delete status.dataset.state;
    delete byId('settings-form').dataset.loaded;
    byId('settings-dialog').showModal();
    try {
      const [{ settings }, blocked] = await Promise.all([this.#api.settings(), this.#loadBlocked()]);
      this.#fill(settings);
      this.#renderBlocked(blocked);
    } catch (error) {
      this.#onError(error);
    }
  }

  #fill(settings) {
    const form = byId('settings-form');
    for (const name of Choices) form.elements[name].value = settings[name];
    for (const name of Switches) form.elements[name].checked = Boolean(settings[name]);
    form.dataset.loaded = 'true';
  }

  async #save() {
    const form = byId('settings-form');
    const changes = {};
    for (const name of Choices) changes[name] = form.elements[name].value;
    for (const name of Switches) changes[name] = form.elements[name].checked;
    const status = byId('settings-status');
    try {
      const { settings } = await this.#api.updateSettings(changes);
      this.#fill(settings);
      status.textContent = 'Saved';
      status.dataset.state = 'saved';
    } catch (error) {
      status.textContent = error.message;
      status.dataset.state = 'error';
    }
  }

  async #loadBlocked() {
    const all = [];
    let cursor;
    do {
      const page = await this.#api.blocked({ cursor });
      all.push(...page.blocked);
      cursor = page.next_cursor;
    } while (cursor);
    this.#blocked.clear();
    for (const b of all) this.#blocked.add(b.user_id);
    return all;
  }

  #renderBlocked(blocked) {
    byId('blocked-list').replaceChildren(...blocked.map(b => el('li', { dataset: { testid: 'blocked-user', userId: b.user_id } },
      el('span', { class: 'pick-name' }, b.name),
      el('button', {
        type: 'button',
        dataset: { testid: 'unblock' },
        onclick: async event => {
          try {
            await this.#api.unblock(b.user_id);
            this.#blocked.delete(b.user_id);
            event.target.closest('li').remove();
            show(byId('blocked-empty'), byId('blocked-list').children.length === 0);
            this.#onUnblocked(b.user_id);
          } catch (error) {
            this.#onError(error);
          }
        },
      }, 'Unblock'))));
    show(byId('blocked-empty'), blocked.length === 0);
  }

  /** Loads my blocks once at start, so a chat's header knows whether I blocked the other person. */
  async loadBlocked() {
    await this.#loadBlocked();
  }
}

const CallStatusText = {
  initiated: 'Calling', ringing: 'Ringing', answered: 'In progress', missed: 'Missed', declined: 'Declined',
  cancelled: 'Cancelled', no_answer: 'No answer', ended: 'Ended', failed: 'Failed',
};

export class CallsDialog {
  #api;
  #me;
  #onError;

  constructor({ api, me, onError }) {
    this.#api = api;
    this.#me = me;
    this.#onError = onError;
  }

  /** The calls of one conversation, or all of mine when none is given. */
  async open(conversation) {
    byId('calls-title').textContent = conversation ? `Calls with ${conversation.name}` : 'Calls';
    byId('call-log').replaceChildren();
    delete byId('call-log').dataset.loaded;
    show(byId('call-log-empty'), false);
    byId('calls-dialog').showModal();
    try {
      const { calls } = await this.#api.calls({ conversationId: conversation?.id });
      byId('call-log').replaceChildren(...calls.map(call => el('li', {
        class: 'call-entry',
        dataset: { testid: 'call-log-entry', callId: call.id, status: call.status, callType: call.call_type },
      },
        el('span', { class: 'call-icon' }, icon(call.call_type === 'video' ? 'video' : 'phone')),
        el('span', { class: 'pick-name' }, `${call.caller_user_id === this.#me.userId ? 'Outgoing' : 'Incoming'} ${call.call_type} call`),
        el('span', { class: 'hint' }, `${CallStatusText[call.status] ?? call.status}${call.duration_seconds != null ? ` · ${formatDuration(call.duration_seconds)}` : ''}`),
        el('time', { datetime: call.started_at }, formatTime(call.started_at)))));
      byId('call-log').dataset.loaded = 'true';
      show(byId('call-log-empty'), calls.length === 0);
    } catch (error) {
      this.#onError(error);
    }
  }
}
