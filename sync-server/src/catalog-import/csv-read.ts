/**
 * RFC 4180 CSV reading that keeps every field as text (barcodes keep their leading zeros) and
 * remembers the physical line each record starts on, so reports point at the line a merchant
 * sees in an editor even when quoted fields hold line breaks.
 */

export interface CsvRecord {
  /** 1-based line of the file on which the record starts; the header is line 1. */
  line: number;
  fields: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

export class CsvError extends Error {
  override readonly name = 'CsvError';
}

const DELIMITERS = [',', ';', '\t'] as const;

/** Picks the delimiter that occurs most often in the header line outside quotes. */
export function guessDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;

  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }

  let best = ',';
  for (const [delimiter, count] of counts) {
    if (count > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

/** Splits text into records of raw fields. A record of one empty field is a blank line. */
export function readCsvRecords(text: string, delimiter = guessDelimiter(text)): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endField = (): void => {
    fields.push(field);
    field = '';
  };
  const endRecord = (): void => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < text.length) {
    const char = text.charAt(i);

    if (quoted) {
      if (char === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      if (char === '\n' || (char === '\r' && text.charAt(i + 1) !== '\n')) line += 1;
      i += 1;
      continue;
    }

    if (char === '"' && field === '') {
      quoted = true;
    } else if (char === delimiter) {
      endField();
    } else if (char === '\r' || char === '\n') {
      endRecord();
      if (char === '\r' && text.charAt(i + 1) === '\n') i += 1;
      line += 1;
      recordLine = line;
    } else {
      // A quote inside an unquoted field is kept as text, as spreadsheets do.
      field += char;
    }
    i += 1;
  }

  if (quoted) {
    throw new CsvError(`a quoted field opened on line ${recordLine} never closes`);
  }
  if (field !== '' || fields.length > 0) endRecord();

  return records;
}

function isBlank(record: CsvRecord): boolean {
  return record.fields.every((field) => field.trim() === '');
}

/** Header row plus data records; blank lines are dropped, short rows padded to the header. */
export function readCsvTable(text: string): CsvTable {
  const records = readCsvRecords(text).filter((record) => !isBlank(record));
  const [first, ...rest] = records;
  if (first === undefined) {
    throw new CsvError('the file is empty');
  }

  const header = first.fields.map((name) => name.trim());
  const width = header.length;
  const data = rest.map((record) => ({
    line: record.line,
    fields:
      record.fields.length >= width
        ? record.fields
        : [...record.fields, ...Array<string>(width - record.fields.length).fill('')],
  }));

  return { header, records: data };
}
