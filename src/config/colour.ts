/** WCAG relative luminance of an sRGB hex colour. */
export function relativeLuminance(hex: string): number {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  const channel = (i: number) => {
    const value = parseInt(full.slice(i, i + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Contrast of a colour against white paper. */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (relativeLuminance(hex) + 0.05);
}

/**
 * Headings in the accent colour must stay legible when a coach prints in black and white: a
 * greyscale printer turns the colour into a grey of the same luminance, so require the contrast
 * WCAG asks of body text (4.5:1 against white).
 */
export const MIN_ACCENT_CONTRAST = 4.5;
