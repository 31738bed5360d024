// What I can do to one message: its menu (react, reply, edit, delete for me or for everyone) and its reactions.
import { confirmAction, el } from './dom.js';

const Reactions = ['👍', '❤️', '😂', '😮', '😢', '🙏'];

export class MessageActions {
  #api;
  #me;
  #on;
  #deletingForMe = new Set();

  /** @param on callbacks into the thread: reply(message), edit(message), removed(messageId), error(error) */
  constructor({ api, me, on }) {
    this.#api = api;
    this.#me = me;
    this.#on = on;
    document.addEventListener('click', event => {
      if (!event.target.closest('.message-menu')) {
        for (const open of document.querySelectorAll('.message-menu:not([hidden])')) open.hidden = true;
      }
    });
  }

  /** True once for a message I deleted for me here: its deletion event needs no question to the history. */
  deletedForMe(messageId) {
    return this.#deletingForMe.delete(messageId);
  }

  /** The menu toggle and the menu of one message. */
  menu(m) {
    const menu = el('div', { class: 'message-menu', dataset: { testid: 'message-actions' }, hidden: true },
      el('div', { class: 'reaction-picker' }, Reactions.map(r => el('button', {
        type: 'button', dataset: { testid: 'react-option', reaction: r }, onclick: () => this.react(m, r),
      }, r))),
      el('button', { type: 'button', dataset: { testid: 'action-reply' }, onclick: () => this.#on.reply(m) }, 'Reply'),
      m.is_mine && m.message_type === 'text'
        ? el('button', { type: 'button', dataset: { testid: 'action-edit' }, onclick: () => this.#on.edit(m) }, 'Edit') : null,
      el('button', { type: 'button', dataset: { testid: 'action-delete-me' }, onclick: () => this.#delete(m, 'me') }, 'Delete for me'),
      m.is_mine
        ? el('button', { type: 'button', class: 'danger', dataset: { testid: 'action-delete-everyone' }, onclick: () => this.#delete(m, 'everyone') }, 'Delete for everyone')
        : null);
    const toggle = el('button', {
      type: 'button',
      class: 'message-menu-toggle',
      title: 'Actions',
      'aria-label': 'Message actions',
      dataset: { testid: 'message-menu' },
      onclick: event => {
        event.stopPropagation();
        const opening = menu.hidden;
        for (const open of document.querySelectorAll('.message-menu:not([hidden])')) open.hidden = true;
        menu.hidden = !opening;
      },
    }, '⋯');
    return [toggle, menu];
  }

  /** One reaction of mine per message: the same one again takes it back. */
  async react(m, reaction) {
    const mine = m.reactions?.find(r => r.user_ids.includes(this.#me.userId));
    try {
      if (mine?.reaction === reaction) await this.#api.unreact(m.id);
      else await this.#api.react(m.id, reaction);
    } catch (error) {
      this.#on.error(error);
    }
  }

  async #delete(m, scope) {
    if (scope === 'everyone' && !await confirmAction('Delete this message for everyone?', 'Delete for everyone')) return;
    if (scope === 'me') this.#deletingForMe.add(m.id);
    try {
      await this.#api.deleteMessage(m.id, scope);
      if (scope === 'me') this.#on.removed(m.id);
    } catch (error) {
      this.#deletingForMe.delete(m.id);
      this.#on.error(error);
    }
  }
}
