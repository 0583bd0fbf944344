import { PDFCheckBox, PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { FIELD_KINDS, formBoxes } from '../src/fields/index.js';
import { fieldPath } from '../src/import/paths.js';
import { SHEETS, sheetFields } from '../src/worksheets/index.js';
import { setAtPath } from '../src/worksheets/paths.js';
import { blankOnce } from './support/rendered.js';

describe('one module per field kind', () => {
  it('every kind the sheets use has its module, which prints it, makes its form fields and names their tooltips', () => {
    const kinds = new Set(Object.values(SHEETS).flatMap(sheetFields).map((field) => field.kind));
    for (const kind of kinds) {
      const module = FIELD_KINDS[kind];
      expect(typeof module.Printed, kind).toBe('function');
      expect(typeof module.Fillable, kind).toBe('function');
      expect(typeof module.tooltips, kind).toBe('function');
    }
  });

  it('import can read back every form field the kinds make: boxes from their kinds, text fields through the schema whitelist', async () => {
    const pdf = await PDFDocument.load(await blankOnce({ fillable: true }));
    const fields = pdf.getForm().getFields();
    const boxes = new Set(formBoxes(Object.values(SHEETS).flatMap(sheetFields)).map((box) => box.name));
    const boxNames = fields.filter((field) => field instanceof PDFCheckBox).map((field) => field.getName());
    expect(boxNames.length).toBeGreaterThan(0);
    expect(new Set(boxNames)).toEqual(boxes);
    const unreadable = fields
      .filter((field) => !(field instanceof PDFCheckBox))
      .map((field) => field.getName())
      .filter((name) => !fieldPath(name).ok);
    expect(unreadable).toEqual([]);
  });
});

describe('setting a value at an answers path', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('sets plain and indexed paths, making objects and lists on the way', () => {
    const root: Record<string, unknown> = {};
    setAtPath(root, 'goals.priorities[1]', 'Teaching');
    setAtPath(root, 'network.contacts[0].name', 'Bo');
    expect(root).toEqual({ goals: { priorities: [undefined, 'Teaching'] }, network: { contacts: [{ name: 'Bo' }] } });
  });

  it('refuses a path through a prototype, and every other object stays as it was', () => {
    for (const path of ['__proto__.polluted', 'goals.__proto__.polluted', 'constructor.prototype.polluted']) {
      const root: Record<string, unknown> = { goals: {} };
      expect(() => setAtPath(root, path, 'x'), path).toThrow(/not an answers path/);
      expect(({} as Record<string, unknown>).polluted, path).toBeUndefined();
      expect(root, path).toEqual({ goals: {} });
    }
  });
});
