/// <reference lib="dom" />
/**
 * X8: 家人提醒, the notification opt-in under the other sections: the four
 * kinds to tick and one button to turn Web Push on, save a change or turn it
 * off. Shown only when the service offers Web Push; in a browser without it
 * (the mini-program's web view), or when permission or the subscription
 * fails, it says so in one plain line and the rest of the page goes on.
 */
import type { NotificationChoices } from '../../../domain/notify.schema.js';
import type { ViewerApi } from '../api.js';
import { byId, el } from '../dom.js';
import { type NotifyAction, type NotifyStatus, notifyControls } from '../notify-state.js';
import { pushSupported, subscribeToPush, tellWorker } from '../push.js';
import type { NotificationKind, NotifyProblem, NotifyWording } from '../wording/notify.js';
import type { PageMessage } from '../worker-messages.js';

/** Ticked before the viewer chooses: the driving itself (a truck parked for the night goes offline every night). */
const DEFAULT_KINDS: readonly NotificationKind[] = ['PRE_WARNING', 'FATIGUE', 'SPEEDING'];

export class NotifySection {
  private api: ViewerApi | null = null;
  private page: PageMessage | null = null;
  private choices: NotificationChoices | null = null;
  private ticked: NotificationKind[] = [];
  private supported = false;
  /** The action under way (its button says so); none may start meanwhile. */
  private acting: NotifyAction | null = null;
  /** What went wrong with the last action (a browser without Web Push is said apart). */
  private problem: NotifyProblem | null = null;
  /** Turned off on this page: the status says so. */
  private turnedOff = false;

  constructor(private w: NotifyWording) {
    const primary = byId('notify-primary');
    primary.addEventListener(
      'click',
      () => void this.act(primary.dataset.action as NotifyAction | undefined),
    );
    byId('notify-off').addEventListener('click', () => void this.act('disable'));
    byId('notify-kinds').addEventListener('change', () => {
      const list = byId('notify-kinds');
      const ticked = new Set(
        Array.from(list.querySelectorAll<HTMLInputElement>('input:checked'), (i) => i.value),
      );
      this.ticked = (this.choices?.kinds ?? []).filter((k) => ticked.has(k));
      this.problem = null;
      this.renderControls();
    });
  }

  /** Reads the viewer's choices; shows the section when the service offers Web Push. */
  async load(api: ViewerApi, page: PageMessage): Promise<void> {
    this.api = api;
    this.page = page;
    const choices = await api.notifications().catch(() => null);
    if (!choices?.webPush.available || !choices.webPush.vapidPublicKey) return;
    const { webPush } = choices;
    this.choices = choices;
    this.supported = pushSupported();
    this.ticked = webPush.subscribed
      ? choices.kinds.filter((k) => webPush.kinds.includes(k))
      : DEFAULT_KINDS.filter((k) => choices.kinds.includes(k));
    byId('notify').hidden = false;
    this.render();
    // The worker may have lost the share's page (a cleared cache): tell it again.
    if (this.supported && webPush.subscribed && !webPush.refused) void tellWorker(page);
  }

  /** The page's mode changed (X2). */
  setWording(w: NotifyWording): void {
    this.w = w;
    this.render();
  }

  private render(): void {
    const c = this.choices;
    if (!c) return;
    byId('notify-title').textContent = this.w.title;
    byId('notify-legend').textContent = this.w.legend;
    const list = byId('notify-kinds');
    list.textContent = '';
    for (const kind of c.kinds) {
      const input = el('input');
      input.type = 'checkbox';
      input.value = kind;
      input.checked = this.ticked.includes(kind);
      const label = el('label', 'notify-kind');
      label.append(input, el('span', '', this.w.kind(kind)));
      list.append(label);
    }
    this.renderControls();
  }

  /** Everything but the list itself: ticking a kind keeps its checkbox (and the focus). */
  private renderControls(): void {
    const c = this.choices;
    if (!c) return;
    const w = this.w;
    const controls = notifyControls(c.webPush, this.ticked, this.supported);
    const section = byId('notify');
    section.dataset.status = controls.status;
    const status = byId('notify-status');
    status.className = `notify-status notify-${controls.status}`;
    status.textContent = this.statusText(controls.status, c);
    const locked = this.acting !== null || !controls.kindsEnabled;
    byId('notify-kinds')
      .querySelectorAll<HTMLInputElement>('input')
      .forEach((input) => {
        input.disabled = locked;
      });
    const shown = this.problem ?? (this.supported ? null : 'unsupported');
    const problem = byId('notify-problem');
    problem.hidden = shown === null;
    problem.textContent = shown ? w.problem(shown) : '';
    const primary = byId<HTMLButtonElement>('notify-primary');
    primary.hidden = controls.primary === null;
    primary.dataset.action = controls.primary ?? '';
    primary.textContent = controls.primary ? this.label(controls.primary) : '';
    const off = byId<HTMLButtonElement>('notify-off');
    off.hidden = !controls.offButton;
    off.textContent = this.label('disable');
    primary.disabled = off.disabled = this.acting !== null;
  }

  private statusText(status: NotifyStatus, c: NotificationChoices): string {
    if (status === 'on') return this.w.on(c.kinds.filter((k) => c.webPush.kinds.includes(k)));
    if (status === 'refused') return this.w.refused;
    return this.turnedOff ? this.w.turnedOff : this.w.off;
  }

  private label(action: NotifyAction): string {
    return this.acting === action ? this.w.busy : this.w[action];
  }

  private async act(action: NotifyAction | undefined): Promise<void> {
    const { api, page, choices } = this;
    if (!action || !api || !page || !choices || this.acting) return;
    this.acting = action;
    this.problem = null;
    this.renderControls();
    try {
      this.problem =
        action === 'disable' ? await this.turnOff(api, choices) : await this.save(api, page, choices);
    } catch (err) {
      console.warn('notification choice not saved', err);
      this.problem = 'saveFailed';
    } finally {
      this.acting = null;
      this.render();
    }
  }

  /** 开启提醒 / 保存: this browser's subscription with the kinds ticked. */
  private async save(
    api: ViewerApi,
    page: PageMessage,
    choices: NotificationChoices,
  ): Promise<NotifyProblem | null> {
    const key = choices.webPush.vapidPublicKey;
    if (!key) return 'failed';
    const outcome = await subscribeToPush(key, page);
    if (outcome.kind === 'problem') return outcome.problem;
    const saved = await api.saveWebPush(outcome.subscription, this.ticked);
    if (!saved) return 'saveFailed';
    this.choices = saved;
    this.turnedOff = false;
    this.ticked = saved.kinds.filter((k) => saved.webPush.kinds.includes(k));
    return null;
  }

  /** 关闭提醒: no more notifications for this share (the browser's subscription stays for other shares). */
  private async turnOff(api: ViewerApi, choices: NotificationChoices): Promise<NotifyProblem | null> {
    if (!(await api.removeWebPush())) return 'saveFailed';
    this.choices = {
      ...choices,
      webPush: { ...choices.webPush, subscribed: false, refused: false, kinds: [] },
    };
    this.turnedOff = true;
    return null;
  }
}
