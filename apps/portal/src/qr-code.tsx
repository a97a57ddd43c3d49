import { useId, useMemo } from 'react';
import { encode } from 'uqr';

/**
 * A QR code drawn as SVG elements by React: bundled (no network), and no inline style or markup
 * injected, so the strict CSP holds. Four modules of quiet zone, as scanners expect.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const titleId = useId();
  const { size, path } = useMemo(() => {
    const { size, data } = encode(text, { ecc: 'M', border: 4 });
    const parts: string[] = [];
    data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
      }),
    );
    return { size, path: parts.join('') };
  }, [text]);
  return (
    <svg
      className="qr-code"
      viewBox={`0 0 ${size} ${size}`}
      width={size * 6}
      height={size * 6}
      role="img"
      aria-labelledby={titleId}
      shapeRendering="crispEdges"
    >
      <title id={titleId}>{label}</title>
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
