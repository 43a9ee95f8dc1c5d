/**
 * "4 小时 5 分钟", "16 分钟", "40 秒": a duration in words, as the view's own
 * sentences (episodes.ts) and the family page say it, so that the two never
 * disagree. No imports: the page's bundle includes this module.
 */
export function durationWords(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} 秒`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h === 0) return `${m} 分钟`;
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`;
}
