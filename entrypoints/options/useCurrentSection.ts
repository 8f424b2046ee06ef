import { useEffect, useState } from 'preact/hooks';
import { SECTIONS, type SectionId } from './sections';

/** A section counts as the one being read once its top passes this share of the window's height. */
const READING_LINE = 0.3;

const isSection = (id: string): id is SectionId => SECTIONS.some((section) => section.id === id);

/** The section the address's `#` names, if it names one. */
function sectionInAddress(): SectionId | undefined {
  const hash = decodeURIComponent(location.hash.slice(1));
  return isSection(hash) ? hash : undefined;
}

/**
 * The section the reader is in, for the table of contents to mark: the last whose top has passed
 * the reading line, or the last of all at the foot of the page (a short last section never
 * reaches the line); a link followed counts at once.
 */
export function useCurrentSection(): [SectionId, (id: SectionId) => void] {
  const [current, setCurrent] = useState<SectionId>(() => sectionInAddress() ?? SECTIONS[0].id);

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const root = document.documentElement;
      if (root.scrollTop > 0 && root.scrollTop + innerHeight >= root.scrollHeight - 2) {
        setCurrent(SECTIONS[SECTIONS.length - 1]!.id);
        return;
      }
      let reading: SectionId = SECTIONS[0].id;
      for (const { id } of SECTIONS) {
        const top = document.getElementById(id)?.getBoundingClientRect().top;
        if (top !== undefined && top <= innerHeight * READING_LINE) reading = id;
      }
      setCurrent(reading);
    };
    // One measure a frame, however many scroll events the frame brings.
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    const onHash = () => {
      const named = sectionInAddress();
      if (named) setCurrent(named);
    };
    addEventListener('scroll', onScroll, { passive: true });
    addEventListener('hashchange', onHash);
    return () => {
      removeEventListener('scroll', onScroll);
      removeEventListener('hashchange', onHash);
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);

  return [current, setCurrent];
}
