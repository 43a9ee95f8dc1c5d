/// <reference lib="dom" />
/**
 * Entry of the family page bundle (served at /s/assets/page.js, loaded by a
 * blocking <script> in <head>): applies the age-friendly mode before the first
 * paint (X2), then starts the page once the document is parsed.
 */
import { applyStoredLargeMode } from './large-mode.js';
import { FamilyPage } from './page.js';
import { shareTokenOf } from './viewer-token.js';

const large = applyStoredLargeMode();

document.addEventListener('DOMContentLoaded', () => {
  void new FamilyPage(shareTokenOf(window.location.pathname), large).start();
});
