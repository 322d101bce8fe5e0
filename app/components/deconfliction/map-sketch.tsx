import { useTranslation } from "react-i18next";
import type { MapRing } from "./map-view";

const SIZE = 320;
const C = SIZE / 2;

/** A round number of metres for the scale bar, about a quarter of the drawing. */
function scaleStep(metresAcross: number) {
  const target = metresAcross / 4;
  const pow = 10 ** Math.floor(Math.log10(Math.max(target, 1)));
  for (const f of [5, 2, 1]) if (f * pow <= target) return f * pow;
  return pow;
}

export function formatMetres(m: number, lng: string) {
  const nf = (n: number, digits: number) => new Intl.NumberFormat(lng, { maximumFractionDigits: digits }).format(n);
  return m >= 1000 ? `${nf(m / 1000, m >= 10_000 ? 0 : 1)} km` : `${nf(m, 0)} m`;
}

/**
 * The circles without a tile server: our action, its buffer and, for each
 * conflict, the ring on which the other centre lies. Not to geographic scale
 * beyond the metres shown (a local flat projection around our centre).
 */
export function MapSketch({ radiusM, bufferM, rings, lng }: { radiusM: number; bufferM: number; rings: MapRing[]; lng: string }) {
  const { t } = useTranslation("planning");
  const reach = Math.max(radiusM + bufferM, ...rings.map((r) => r.distanceM), radiusM * 1.2, 50);
  const scale = (C - 16) / reach;
  const step = scaleStep(reach * 2);
  return (
    <svg className="plan-sketch" viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-labelledby="plan-sketch-title">
      <title id="plan-sketch-title">{t("map.sketch_title")}</title>
      <rect x="0" y="0" width={SIZE} height={SIZE} rx="8" className="plan-sketch-bg" />
      <line x1={C} y1="8" x2={C} y2={SIZE - 8} className="plan-sketch-axis" />
      <line x1="8" y1={C} x2={SIZE - 8} y2={C} className="plan-sketch-axis" />
      <text x={C + 4} y="18" className="plan-sketch-north">
        {t("map.north")}
      </text>
      {bufferM > 0 ? <circle cx={C} cy={C} r={(radiusM + bufferM) * scale} className="plan-sketch-buffer" /> : null}
      <circle cx={C} cy={C} r={Math.max(radiusM * scale, 2)} className="plan-sketch-own" />
      {rings.map((r) => (
        <g key={r.label}>
          <circle cx={C} cy={C} r={Math.max(r.distanceM * scale, 3)} className={r.active ? "plan-sketch-ring" : "plan-sketch-ring plan-sketch-ring-past"} />
          <text x={C + Math.max(r.distanceM * scale, 3) * Math.SQRT1_2 + 3} y={C - Math.max(r.distanceM * scale, 3) * Math.SQRT1_2 - 3} className="plan-sketch-label">
            {r.label}
          </text>
        </g>
      ))}
      <circle cx={C} cy={C} r="3" className="plan-sketch-centre" />
      <g transform={`translate(12 ${SIZE - 14})`}>
        <line x1="0" y1="0" x2={step * scale} y2="0" className="plan-sketch-scale" />
        <line x1="0" y1="-4" x2="0" y2="4" className="plan-sketch-scale" />
        <line x1={step * scale} y1="-4" x2={step * scale} y2="4" className="plan-sketch-scale" />
        <text x={step * scale + 6} y="4" className="plan-sketch-scale-text">
          {formatMetres(step, lng)}
        </text>
      </g>
    </svg>
  );
}
