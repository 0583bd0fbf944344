/**
 * What import needs to know of the answers format, read from its zod schema rather than restated:
 * the top-level key order, and each list of records (contacts, platforms…) with its keys in
 * schema order and the keys a record must have.
 */
import * as z from 'zod';
import { AnswersSchema } from '../answers/schema.js';

export interface RecordList {
  required: string[];
  order: string[];
}

/** The answers' top-level keys, in the order the format lists them. */
export const TOP_ORDER: readonly string[] = Object.keys(AnswersSchema.shape);

/** Lists of records by answers path (`network.contacts`), two levels down as the sheets have them. */
export const RECORD_LISTS: Readonly<Record<string, RecordList>> = Object.fromEntries(
  Object.entries(AnswersSchema.shape).flatMap(([group, groupSchema]) => {
    const sheet = unwrapped(groupSchema);
    if (!(sheet instanceof z.ZodObject)) return [];
    return Object.entries(sheet.shape as Record<string, z.ZodType>).flatMap(([key, listSchema]) => {
      const list = unwrapped(listSchema);
      if (!(list instanceof z.ZodArray)) return [];
      const record = unwrapped(list.element as z.ZodType);
      if (!(record instanceof z.ZodObject)) return [];
      const fields = Object.entries(record.shape as Record<string, z.ZodType>);
      return [[`${group}.${key}`, { order: fields.map(([name]) => name), required: fields.filter(([, schema]) => !schema.safeParse(undefined).success).map(([name]) => name) }]];
    });
  }),
);

function unwrapped(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional || schema instanceof z.ZodDefault ? unwrapped(schema.unwrap() as z.ZodType) : schema;
}
