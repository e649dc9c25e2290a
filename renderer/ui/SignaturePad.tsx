import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toIsoInstant } from '../../shared/domain/dates';
import {
  compactSignature,
  SIGNATURE_LIMITS,
  type Signature,
  type SignaturePoint,
  signatureToSvgPath,
} from '../../shared/registers/agreements/agreements';

export interface SignaturePadProps {
  /** Label of the pad for screen readers and the caption (e.g. the signer's name). */
  label: string;
  width?: number;
  height?: number;
  /** Called with the compacted signature, or null when cleared. */
  onChange: (signature: Signature | null) => void;
  /** The moment the signature was captured (injectable for tests). */
  now?: () => Date;
}

/**
 * A pad for signing on screen with a pen, a finger or a mouse (Pointer Events). Strokes are
 * kept as points with their time and pressure, not as a picture, so the record stays small and
 * the signature can be redrawn at any size. It is evidence of who signed during the visit, not
 * a qualified electronic signature.
 */
export function SignaturePad({
  label,
  width = 480,
  height = 160,
  onChange,
  now = () => new Date(),
}: SignaturePadProps) {
  const { t } = useTranslation();
  const [strokes, setStrokes] = useState<SignaturePoint[][]>([]);
  const started = useRef<number | null>(null);
  const drawing = useRef(false);
  const svg = useRef<SVGSVGElement>(null);

  function point(event: React.PointerEvent<SVGSVGElement>): SignaturePoint | null {
    const box = svg.current?.getBoundingClientRect();
    if (!box) return null;
    const x = Math.min(width, Math.max(0, ((event.clientX - box.left) * width) / box.width));
    const y = Math.min(height, Math.max(0, ((event.clientY - box.top) * height) / box.height));
    started.current ??= event.timeStamp;
    const elapsed = Math.round(event.timeStamp - started.current);
    return {
      x,
      y,
      t: Math.min(Math.max(0, elapsed), SIGNATURE_LIMITS.maxDurationMs),
      pressure: event.pointerType === 'mouse' ? 0.5 : Math.min(1, Math.max(0, event.pressure)),
    };
  }

  function total(list: SignaturePoint[][]): number {
    return list.reduce((sum, stroke) => sum + stroke.length, 0);
  }

  function emit(next: SignaturePoint[][]) {
    setStrokes(next);
    if (next.length === 0) {
      onChange(null);
      return;
    }
    onChange(compactSignature({ capturedAt: toIsoInstant(now()), width, height, strokes: next }));
  }

  return (
    <div className="signature-pad">
      <svg
        ref={svg}
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        onPointerDown={(event) => {
          if (strokes.length >= SIGNATURE_LIMITS.maxStrokes) return;
          const p = point(event);
          if (!p) return;
          drawing.current = true;
          event.currentTarget.setPointerCapture(event.pointerId);
          setStrokes([...strokes, [p]]);
        }}
        onPointerMove={(event) => {
          if (!drawing.current) return;
          const p = point(event);
          const last = strokes.at(-1);
          if (!p || !last) return;
          if (last.length >= SIGNATURE_LIMITS.maxPointsPerStroke) return;
          if (total(strokes) >= SIGNATURE_LIMITS.maxPoints) return;
          setStrokes([...strokes.slice(0, -1), [...last, p]]);
        }}
        onPointerUp={() => {
          if (!drawing.current) return;
          drawing.current = false;
          emit(strokes);
        }}
      >
        <line
          x1="16"
          x2={width - 16}
          y1={height - 28}
          y2={height - 28}
          className="signature-line"
        />
        <path
          d={signatureToSvgPath({ strokes })}
          fill="none"
          stroke="currentColor"
          strokeWidth="2.2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <div className="signature-actions small">
        <span className="muted">{t('signature.hint')}</span>
        <button
          type="button"
          className="link"
          disabled={strokes.length === 0}
          onClick={() => {
            started.current = null;
            emit([]);
          }}
        >
          {t('signature.clear')}
        </button>
      </div>
    </div>
  );
}

/** A stored signature redrawn (in lists and the record's detail). */
export function SignatureImage({
  signature,
  label,
  height = 48,
}: {
  signature: Signature;
  label: string;
  height?: number;
}) {
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${signature.width} ${signature.height}`}
      height={height}
      width={(height * signature.width) / signature.height}
      className="signature-image"
    >
      <path
        d={signatureToSvgPath(signature)}
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
