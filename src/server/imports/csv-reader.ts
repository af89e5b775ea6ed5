import "server-only";
import { isUtf8 } from "node:buffer";

// A streaming CSV reader (RFC 4180) over raw bytes. It never holds more than one record, and of
// that record at most `maxFieldBytes` per field and `maxFields` fields: a 10 MB field is skipped to
// its end, not buffered. Each record says on which line it starts and what is wrong with it, so
// one bad line never stops the file:
// - line breaks: CRLF, LF or a lone CR, mixed freely; inside quotes they are part of the field;
// - quotes: `"a ""b"" c"`; a quote inside an unquoted field is kept as a character; text after a
//   closing quote is an error; a quote still open at the end of the file is an error at its line;
// - bytes: a UTF-8 BOM at the start is skipped; invalid UTF-8 (a Latin-1 file, say) and NUL bytes
//   are errors of the line they are on.
// Separators are ASCII and no byte of a multi-byte UTF-8 character is, so splitting bytes before
// decoding is safe whatever the encoding. A plain line (no quote, no lone CR, short) takes a fast
// path: one decode and one split.

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const BOM = [0xef, 0xbb, 0xbf];
const EMPTY = Buffer.alloc(0);

export type CsvRecord = {
  /** 1-based line on which the record starts. */
  line: number;
  /** The fields, at most `maxFields` of them. */
  fields: string[];
  /** How many fields the record really has. */
  fieldCount: number;
  /** The first problem found in the record, or null. */
  error: string | null;
  /** The start of the record as written in the file (about `maxRawBytes` at most), without its line break. */
  raw: string;
  /** Byte offset just after the record (its line break included). */
  end: number;
};

export type CsvReaderOptions = { maxFieldBytes: number; maxRawBytes: number; maxFields?: number };

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** Just read a quote inside a quoted field: a second quote, a separator or the end follows. */
  QuoteInQuoted,
}

export class CsvRecordReader {
  private readonly maxFieldBytes: number;
  private readonly maxRawBytes: number;
  /** Fields kept per record; set it to the header's width + 1 once the header is known. */
  maxFields: number;

  private offset = 0; // file offset of the current chunk's first byte
  private line = 1;
  private previousWasCr = false;
  private head: Buffer | null = EMPTY; // the first bytes, held until the BOM question is settled

  // The record being read by the slow path.
  private inRecord = false;
  private state = State.FieldStart;
  private recordLine = 1;
  private quoteLine = 1;
  private fields: string[] = [];
  private fieldCount = 0;
  private parts: Buffer[] = [];
  private fieldBytes = 0;
  private isFieldTooLong = false;
  private error: string | null = null;
  private rawParts: Buffer[] = [];
  private rawBytes = 0;

  constructor(options: CsvReaderOptions) {
    this.maxFieldBytes = options.maxFieldBytes;
    this.maxRawBytes = options.maxRawBytes;
    this.maxFields = options.maxFields ?? 256;
  }

  /** Feeds the next bytes of the file; returns the records they complete. */
  push(input: Uint8Array): CsvRecord[] {
    let chunk = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    const out: CsvRecord[] = [];
    if (this.head !== null) {
      chunk = this.head.length > 0 ? Buffer.concat([this.head, chunk]) : chunk;
      if (chunk.length < 3 && chunk.every((b, i) => b === BOM[i])) {
        this.head = chunk; // too short to tell yet
        return out;
      }
      this.head = null;
      if (chunk[0] === BOM[0] && chunk[1] === BOM[1] && chunk[2] === BOM[2]) {
        chunk = chunk.subarray(3);
        this.offset = 3;
      }
    }
    this.scan(chunk, out);
    this.offset += chunk.length;
    return out;
  }

  /** The end of the file: the last record, and the error of a quote left open. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.head !== null && this.head.length > 0) {
      const head = this.head;
      this.head = null;
      this.scan(head, out);
      this.offset += head.length;
    }
    if (!this.inRecord) return out;
    const isQuoteOpen = this.state === State.Quoted;
    this.closeField(EMPTY, 0, 0);
    if (isQuoteOpen) {
      this.error = `A quoted field opened on line ${this.quoteLine} is never closed: everything after it, to the end of the file, was read as that one field. Close the quote (") and upload the file again.`;
    }
    out.push(this.finishRecord(this.offset));
    return out;
  }

  private scan(chunk: Buffer, out: CsvRecord[]) {
    const n = chunk.length;
    let i = 0;
    let fieldFrom = 0; // where the current field's not-yet-kept bytes start in this chunk
    let rawFrom = 0; // where the current record's not-yet-kept raw bytes start in this chunk
    // Next quote and CR at or after i (n when none): found once per chunk region, not per line.
    let nextQuote = -1;
    let nextCr = -1;

    while (i < n) {
      if (!this.inRecord) {
        if (this.previousWasCr) {
          this.previousWasCr = false;
          if (chunk[i] === LF) {
            i++; // the LF of a CRLF that ended the previous record
            continue;
          }
        }
        // Fast path: a whole plain line within this chunk.
        const lf = chunk.indexOf(LF, i);
        if (lf !== -1 && lf - i <= this.maxFieldBytes) {
          if (nextQuote < i) nextQuote = indexOrEnd(chunk, QUOTE, i);
          if (nextCr < i) nextCr = indexOrEnd(chunk, CR, i);
          const stop = nextCr === lf - 1 ? lf - 1 : lf;
          if (nextQuote > lf && nextCr >= stop) {
            const text = chunk.toString("utf8", i, stop);
            if (!text.includes("\uFFFD") && !text.includes("\u0000")) {
              const fields = text.split(",");
              const fieldCount = fields.length;
              if (fieldCount > this.maxFields) fields.length = this.maxFields;
              // The first maxRawBytes bytes, as the slow path keeps them (a character cut there reads as U+FFFD).
              const raw = stop - i > this.maxRawBytes ? chunk.toString("utf8", i, i + this.maxRawBytes) : text;
              out.push({ line: this.line, fields, fieldCount, error: null, raw, end: this.offset + lf + 1 });
              this.line++;
              i = lf + 1;
              continue;
            }
          }
        }
        // Slow path: the state machine, from the start of the record.
        this.inRecord = true;
        this.state = State.FieldStart;
        this.recordLine = this.line;
        rawFrom = i;
        fieldFrom = i;
      }

      switch (this.state) {
        case State.FieldStart: {
          if (chunk[i] === QUOTE) {
            this.state = State.Quoted;
            this.quoteLine = this.line;
            i++;
          } else {
            this.state = State.Unquoted;
          }
          fieldFrom = i;
          break;
        }
        case State.Unquoted: {
          let j = i;
          while (j < n) {
            const c = chunk[j]!;
            if (c === COMMA || c === LF || c === CR) break;
            j++;
          }
          if (j === n) {
            this.appendField(chunk, fieldFrom, n);
            i = n;
            fieldFrom = n;
            break;
          }
          this.closeField(chunk, fieldFrom, j);
          i = j + 1;
          fieldFrom = i;
          if (chunk[j] === COMMA) this.state = State.FieldStart;
          else {
            this.endLine(chunk[j]!);
            this.keepRaw(chunk, rawFrom, j);
            out.push(this.finishRecord(this.offset + i));
          }
          break;
        }
        case State.Quoted: {
          const q = chunk.indexOf(QUOTE, i);
          const stop = q === -1 ? n : q;
          this.countLines(chunk, i, stop);
          this.appendField(chunk, fieldFrom, stop);
          if (q === -1) {
            i = n;
          } else {
            this.previousWasCr = false;
            i = q + 1;
            this.state = State.QuoteInQuoted;
          }
          fieldFrom = i;
          break;
        }
        case State.QuoteInQuoted: {
          const c = chunk[i]!;
          if (c === QUOTE) {
            // A doubled quote: keep one, stay in the quoted field.
            this.appendField(chunk, i, i + 1);
            this.state = State.Quoted;
            i++;
            fieldFrom = i;
          } else if (c === COMMA || c === LF || c === CR) {
            this.state = State.Unquoted; // closes the field at this separator
            fieldFrom = i;
          } else {
            this.error ??= `Column ${this.fieldCount + 1} has text after its closing quote; put the whole field in quotes and double any quote inside it ("").`;
            this.state = State.Unquoted;
            fieldFrom = i;
          }
          break;
        }
      }
    }
    if (this.inRecord) this.keepRaw(chunk, rawFrom, n);
  }

  private appendField(chunk: Buffer, from: number, to: number) {
    if (to <= from || this.isFieldTooLong) return;
    this.fieldBytes += to - from;
    if (this.fieldBytes > this.maxFieldBytes) {
      this.isFieldTooLong = true;
      this.parts = [];
      return;
    }
    this.parts.push(chunk.subarray(from, to));
  }

  private closeField(chunk: Buffer, from: number, to: number) {
    this.appendField(chunk, from, to);
    this.fieldCount++;
    const column = this.fieldCount;
    let value = "";
    if (this.isFieldTooLong) {
      this.error ??= `Column ${column} is longer than ${Math.floor(this.maxFieldBytes / 1024)} KB; the line was skipped.`;
    } else if (this.parts.length > 0) {
      const bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
      value = bytes.toString("utf8");
      if (value.includes("\uFFFD") && !isUtf8(bytes)) {
        this.error ??= `Column ${column} is not valid UTF-8 (byte 0x${firstInvalidByte(bytes)}); save the file as "CSV UTF-8" and upload it again.`;
        value = "";
      } else if (value.includes("\u0000")) {
        this.error ??= `Column ${column} contains a NUL byte (0x00); is this a text file?`;
        value = "";
      }
    }
    if (this.fields.length < this.maxFields) this.fields.push(value);
    this.parts = [];
    this.fieldBytes = 0;
    this.isFieldTooLong = false;
  }

  /** Keeps the record's first bytes, for the error file. */
  private keepRaw(chunk: Buffer, from: number, to: number) {
    const take = Math.min(to - from, this.maxRawBytes - this.rawBytes);
    if (take <= 0) return;
    this.rawParts.push(chunk.subarray(from, from + take));
    this.rawBytes += take;
  }

  private finishRecord(end: number): CsvRecord {
    const raw = (this.rawParts.length === 1 ? this.rawParts[0]! : Buffer.concat(this.rawParts)).toString("utf8").replace(/\u0000/g, "\uFFFD");
    const record: CsvRecord = { line: this.recordLine, fields: this.fields, fieldCount: this.fieldCount, error: this.error, raw, end };
    this.inRecord = false;
    this.fields = [];
    this.fieldCount = 0;
    this.error = null;
    this.rawParts = [];
    this.rawBytes = 0;
    return record;
  }

  private endLine(c: number) {
    this.line++;
    this.previousWasCr = c === CR;
  }

  /** Counts line breaks inside a quoted field (a CRLF once, even split across chunks). */
  private countLines(chunk: Buffer, from: number, to: number) {
    for (let k = from; k < to; k++) {
      const c = chunk[k]!;
      if (c === LF) {
        if (!this.previousWasCr) this.line++;
        this.previousWasCr = false;
      } else if (c === CR) {
        this.line++;
        this.previousWasCr = true;
      } else {
        this.previousWasCr = false;
      }
    }
  }
}

function indexOrEnd(chunk: Buffer, byte: number, from: number): number {
  const at = chunk.indexOf(byte, from);
  return at === -1 ? chunk.length : at;
}

function firstInvalidByte(bytes: Buffer): string {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const size = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (size === 0 || i + size > bytes.length || !isUtf8(bytes.subarray(i, i + size))) return b.toString(16).toUpperCase().padStart(2, "0");
    i += size - 1;
  }
  return "??";
}

/** Reads records from a stream of byte chunks. */
export async function* readCsvRecords(chunks: AsyncIterable<Uint8Array>, options: CsvReaderOptions): AsyncGenerator<CsvRecord> {
  const reader = new CsvRecordReader(options);
  for await (const chunk of chunks) yield* reader.push(chunk);
  yield* reader.end();
}
