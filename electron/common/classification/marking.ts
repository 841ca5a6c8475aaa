// PLACEHOLDER bodies: replaced by the full DoDM 5200.01 V2 implementation.
import type { Classification, UsLevel } from './model.js';
import { UNCLASSIFIED, usLevelRank } from './model.js';

export function bannerMarking(c: Classification): string {
  return c.level;
}

export function portionMarking(c: Classification): string {
  return `(${c.level[0] ?? 'U'})`;
}

export function highestClassification(list: readonly Classification[]): Classification {
  let best: Classification = UNCLASSIFIED;
  for (const c of list) if (usLevelRank(c.level) > usLevelRank(best.level)) best = c;
  return best;
}

export function bannerColours(c: Classification): { background: string; text: string } {
  return levelColours(c.level);
}

export function levelBannerMarking(level: UsLevel): string {
  return level;
}

function levelColours(level: UsLevel): { background: string; text: string } {
  switch (level) {
    case 'UNCLASSIFIED':
      return { background: '#007a33', text: '#ffffff' };
    case 'CONFIDENTIAL':
      return { background: '#0033a0', text: '#ffffff' };
    case 'SECRET':
      return { background: '#c8102e', text: '#ffffff' };
    case 'TOP SECRET':
      return { background: '#ff8c00', text: '#000000' };
  }
}
