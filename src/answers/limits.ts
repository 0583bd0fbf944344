/**
 * Documented limits of an answers file (format version 1).
 *
 * They exist so that a hostile or broken file fails with a clear message instead of exhausting
 * memory, the stack or the page count. Every limit is far above what a real learner writes in one
 * coaching session. Exceeding one is an error naming the path, the limit and the actual size; no
 * answer is ever shortened silently.
 */
export const LIMITS = {
  /** Largest answers file, in bytes of UTF-8 (1 MiB: several hundred pages of text). */
  fileBytes: 1024 * 1024,
  /**
   * Longest single text answer, in characters (Unicode code points, the unit JSON Schema's
   * `maxLength` uses; an emoji counts once). About four printed pages.
   */
  textChars: 10_000,
  /**
   * Longest learner name, program and coach name, in characters: they are printed in the header of
   * every page, which must leave the page room for the answers.
   */
  headerChars: 120,
  /**
   * Most lines in a learner name, program or coach name: the header grows with its tallest cell,
   * and about fifty lines leave a letter page no room for the sheet. Ten lines keep the sheet on
   * the page in every paper size and language, beside a logo.
   */
  headerLines: 10,
  /**
   * Longest learner email, in characters: 254, the longest address email can deliver to
   * (RFC 5321). It prints under the sheet's title, beside the logo, in a block that cannot break
   * across pages, so a longer text would run off the page.
   */
  emailChars: 254,
  /**
   * Deepest nesting of objects and arrays. A valid file nests 4 levels; the cap protects the
   * recursive parser from files such as `[[[[…]]]]` that would otherwise overflow the stack.
   */
  nestingDepth: 32,
  /** Longest list of each kind (number of items). */
  items: {
    /** goals.priorities: the elements or interests most important to me. */
    priorities: 20,
    /** network.contacts: the people on the network map. */
    contacts: 200,
    /** network.toAdd: people to add to the network. */
    toAdd: 50,
    /** network.actions: planned actions. */
    actions: 50,
    /** social.interests. */
    interests: 20,
    /** social.purposes: each purpose at most once, so at most all six. */
    purposes: 6,
    /** social.knownFor: "three words or phrases"; room for a few more. */
    knownFor: 10,
    /** social.platforms. */
    platforms: 20,
    /** social.hashtags. */
    hashtags: 50,
    /** social.follow: accounts or people to follow. */
    follow: 100,
    /** social.boundaries: each checklist item at most once, so at most all seven. */
    boundaries: 7,
  },
} as const;

export type Limits = typeof LIMITS;
