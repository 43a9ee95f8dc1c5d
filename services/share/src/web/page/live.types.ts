import type { View } from '../../domain/view.schema.js';
import type { NoticeKind } from './wording.js';

/** What the live connection (stream or polling) tells the page. */
export interface LiveHandlers {
  /** A new view: a stream frame or a poll's answer. */
  view(view: View): void;
  /** A poll found the view unchanged (304): it is still current. */
  unchanged(): void;
  /** The page is done: the share ended, the link was refused, or a login is needed. */
  end(kind: NoticeKind, message?: string | null): void;
  /** The connection is in trouble (true) or fine again (false). */
  connection(problem: boolean): void;
  isFinished(): boolean;
  /** The view's refresh period (S7), in seconds. */
  refreshSeconds(): number;
}
