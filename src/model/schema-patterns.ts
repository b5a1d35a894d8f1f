// The `pattern`s the schemas use, each with what it means in words, so a
// message says "must be a three-letter ISO 4217 currency code" instead of
// quoting a regular expression. A test checks that every pattern in
// schemas/ has its words here; a new pattern without words still gets a
// message (the expression itself), never none.

const PATTERN_WORDS: Record<string, string> = {
  '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$':
    "must be a code of letters, digits, '_', '.' and '-' starting with a letter or digit, at most 64 characters (no '/' or spaces)",
  '^\\S(.*\\S)?$': 'must not start or end with a blank',
  '^[^/\\s]([^/]*[^/\\s])?$': "must not contain '/' nor start or end with a blank",
  '^[A-Z]{3}$': 'must be a three-letter ISO 4217 currency code in capitals, e.g. USD',
  '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$': 'must be an IANA time zone name, e.g. Europe/London or UTC',
  '^[0-9]{1,16}$': 'must be 1 to 16 digits',
  '^\\S{1,32}$': 'must be 1 to 32 characters without blanks',
  '^\\S+$': 'must not contain blanks',
  '\\S': 'must not be blank',
  '^\\S+( +\\S+){4,5}$': "must be a cron expression of 5 or 6 fields, e.g. '*/5 * * * *'",
  '^[1-6][0-9]{2}$': 'must be a SIP response code from 100 to 699',
};

/** What a schema pattern requires, in words ("must be ..."). */
export function patternMessage(pattern: string): string {
  return PATTERN_WORDS[pattern] ?? `must match the pattern ${pattern}`;
}

/** Whether a pattern has words (used by the schema tests). */
export function hasPatternWords(pattern: string): boolean {
  return Object.hasOwn(PATTERN_WORDS, pattern);
}
