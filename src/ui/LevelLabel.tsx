import type { Level } from '../risk/assessment';
import { t } from './i18n';

/** A glyph per level, so the level reads without colour (glyphs common fonts carry); the word carries it for screen readers. */
// No sign found is no endorsement: its mark is a quiet circle, not a tick.
const ICONS: Record<Level, string> = { high: '✖', caution: '⚠', none: '○', unknown: '?' };

export function levelWord(level: Level): string {
  return t(`level_${level}`);
}

export function LevelLabel({ level }: { level: Level }) {
  return (
    <span class={`cg-level cg-level-${level}`}>
      <span class="cg-level-icon" aria-hidden="true">
        {ICONS[level]}
      </span>{' '}
      {levelWord(level)}
    </span>
  );
}
