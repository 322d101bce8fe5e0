import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MapSketch, formatMetres } from "./map-sketch";

/** A conflict drawn around our centre: the other centre lies somewhere on this ring. */
export interface MapRing {
  label: string;
  distanceM: number;
  /** still conflicting (drawn strong) or no longer (drawn faint) */
  active: boolean;
}

export interface MapTiles {
  url: string;
  attribution: string | null;
}

interface Props {
  lat: number;
  lon: number;
  radiusM: number;
  bufferM: number;
  rings: MapRing[];
  tiles: MapTiles | null;
  lng: string;
}

/**
 * Our action on a map when a tile server is configured, else a sketch; the
 * coordinates, radius and distances are always written out beside it, so the
 * page is complete without images or JavaScript. Leaflet touches `window` on
 * import, so it is loaded only in the browser, after hydration.
 */
export function MapView(props: Props) {
  const { t } = useTranslation("planning");
  const { lat, lon, radiusM, bufferM, rings, tiles, lng } = props;
  const nf = new Intl.NumberFormat(lng, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  return (
    <figure className="plan-map">
      {tiles ? <LeafletMap {...props} tiles={tiles} /> : <MapSketch radiusM={radiusM} bufferM={bufferM} rings={rings} lng={lng} />}
      <figcaption className="plan-map-caption">
        <dl className="plan-facts">
          <dt>{t("map.centre")}</dt>
          <dd className="mono" data-testid="plan-centre">
            {nf.format(lat)}, {nf.format(lon)}
          </dd>
          <dt>{t("map.radius")}</dt>
          <dd>{formatMetres(radiusM, lng)}</dd>
          {bufferM > 0 ? (
            <>
              <dt>{t("map.buffer")}</dt>
              <dd>{t("map.buffer_value", { distance: formatMetres(bufferM, lng) })}</dd>
            </>
          ) : null}
        </dl>
        <ul className="plan-legend">
          <li>
            <span className="plan-swatch plan-swatch-own" aria-hidden="true" /> {t("map.legend_own")}
          </li>
          {bufferM > 0 ? (
            <li>
              <span className="plan-swatch plan-swatch-buffer" aria-hidden="true" /> {t("map.legend_buffer")}
            </li>
          ) : null}
          {rings.length > 0 ? (
            <li>
              <span className="plan-swatch plan-swatch-ring" aria-hidden="true" /> {t("map.legend_ring")}
            </li>
          ) : null}
        </ul>
        {!tiles ? <p className="small muted">{t("map.no_tiles")}</p> : null}
      </figcaption>
    </figure>
  );
}

function LeafletMap({ lat, lon, radiusM, bufferM, rings, tiles, lng }: Props & { tiles: MapTiles }) {
  const { t } = useTranslation("planning");
  const el = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify({ lat, lon, radiusM, bufferM, rings, tiles });
  useEffect(() => {
    let cancelled = false;
    let map: import("leaflet").Map | null = null;
    import("leaflet")
      .then((mod) => {
        const L = (mod as { default?: typeof import("leaflet") }).default ?? (mod as typeof import("leaflet"));
        if (cancelled || !el.current) return;
        const centre: [number, number] = [lat, lon];
        const reach = Math.max(radiusM + bufferM, ...rings.map((r) => r.distanceM), 50);
        // a circle's own getBounds needs a projected map; the bounds of the widest circle do not
        map = L.map(el.current, { scrollWheelZoom: false, attributionControl: true }).fitBounds(L.latLng(centre).toBounds(reach * 2.1));
        L.tileLayer(tiles.url, { attribution: tiles.attribution ?? "", maxZoom: 19 }).addTo(map);
        if (bufferM > 0) L.circle(centre, { radius: radiusM + bufferM, color: "#1d4ed8", weight: 1, dashArray: "4 4", fill: false }).addTo(map);
        L.circle(centre, { radius: radiusM, color: "#1d4ed8", weight: 2, fillOpacity: 0.15 }).addTo(map);
        for (const r of rings) {
          const ring = L.circle(centre, { radius: Math.max(r.distanceM, 1), color: r.active ? "#b45309" : "#9ca3af", weight: 2, dashArray: "2 6", fill: false }).addTo(map);
          ring.bindTooltip(r.label);
        }
        L.circleMarker(centre, { radius: 3, color: "#0b1f3a", fillOpacity: 1 }).addTo(map);
      })
      .catch((err: unknown) => {
        console.error(err);
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      map?.remove();
    };
    // the drawing is rebuilt whenever what it shows changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (failed)
    return (
      <>
        <p className="small muted">{t("map.failed")}</p>
        <MapSketch radiusM={radiusM} bufferM={bufferM} rings={rings} lng={lng} />
      </>
    );
  return <div ref={el} className="plan-leaflet" role="img" aria-label={t("map.map_label")} />;
}
