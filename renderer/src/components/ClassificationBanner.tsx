// A classification banner line in the screen colours of its level (SF 706-712). The text is the
// marking itself; the colour is never the only signal.
import type { Classification, UsLevel } from '../../../electron/common/classification/index.js';
import { UNCLASSIFIED, bannerColours, bannerMarking, levelBannerMarking } from '../../../electron/common/classification/index.js';

type Props = { level: UsLevel; classification?: undefined } | { classification: Classification; level?: undefined };

export function ClassificationBanner(props: Props & { position: 'top' | 'bottom' | 'record'; id?: string }) {
  const classification = props.classification ?? { ...UNCLASSIFIED, level: props.level ?? 'UNCLASSIFIED' };
  const marking = props.classification ? bannerMarking(props.classification) : levelBannerMarking(props.level ?? 'UNCLASSIFIED');
  const colours = bannerColours(classification);
  return (
    <div
      id={props.id}
      className={`classification-banner classification-banner--${props.position}`}
      style={{ backgroundColor: colours.background, color: colours.text }}
      data-testid={`classification-banner-${props.position}`}
    >
      {marking}
    </div>
  );
}

/** A small marking chip for inline use (list headers, previews). */
export function MarkingTag({ classification }: { classification: Classification }) {
  const colours = bannerColours(classification);
  return (
    <span className="marking-tag" style={{ backgroundColor: colours.background, color: colours.text }}>
      {bannerMarking(classification)}
    </span>
  );
}
