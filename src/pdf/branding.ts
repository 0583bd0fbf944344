/** A school's branding, from the config file: printed on every sheet. */
export interface Branding {
  institution?: {
    name?: string;
    /** The logo as PNG or JPEG bytes (an SVG logo is rasterised when the config loads). */
    logo?: { data: Buffer; format: 'png' | 'jpg' };
  };
  /** Headings and section numbers; dark enough to print as near-black (checked when the config loads). */
  accent?: string;
}
