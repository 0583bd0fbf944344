/** The answers data layer: format, limits, loading and the starter file. */
export {
  AREAS,
  TIES,
  PURPOSES,
  BOUNDARIES,
  ANSWERS_SCHEMA_ID,
  AnswersSchema,
  answersJsonSchema,
  type Answers,
  type Area,
  type Tie,
  type Purpose,
  type Boundary,
  type Learner,
  type Coach,
  type Session,
  type Goals,
  type Woop,
  type Smart,
  type Contact,
  type ContactToAdd,
  type NetworkAction,
  type Network,
  type Platform,
  type Social,
} from './schema.js';
export { LIMITS, type Limits } from './limits.js';
export { formatProblem, type Problem, type LoadResult } from './problem.js';
export { parseAnswers, parseJsonDocument, type JsonDocumentSpec, type JsonDocumentResult } from './load.js';
export { parseAnswersBytes } from './decode.js';
export { loadAnswersFile, loadJsonDocument } from './read.js';
export { starterAnswers, type StarterOptions } from './starter.js';
export { codePointLength } from './text.js';
