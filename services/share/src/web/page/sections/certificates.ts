/// <reference lib="dom" />
/** S6, A3: certificate reminders (证照提醒). */
import type { CertificateView } from '../../../domain/view.schema.js';
import { byId, el } from '../dom.js';
import type { CertificateWording } from '../wording/certificates.js';

export function renderCertificates(list: readonly CertificateView[], w: CertificateWording): void {
  const ul = byId('certs');
  ul.textContent = '';
  for (const c of list) {
    const expired = c.status === 'EXPIRED';
    const li = el('li', `cert ${expired ? 'cert-expired' : 'cert-expiring'}`);
    li.append(
      el('span', `chip ${expired ? 'chip-alert' : 'chip-warn'}`, w.chip(c)),
      el('strong', 'cert-name', w.name(c.kind)),
      el('span', 'cert-text', w.text(c)),
    );
    ul.append(li);
  }
  const empty = byId('certs-empty');
  empty.hidden = list.length > 0;
  empty.textContent = w.allValid;
}
