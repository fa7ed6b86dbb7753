// A small layout layer over pdfkit shared by every form: the national header, titles, labelled fields,
// tables that wrap and continue on new pages, signature blocks and a vector QR code. Every string drawn
// goes through `checkGlyphs` first.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { fontBytes, MissingGlyphError, type FontWeight } from './slip-font.js';

export type PageSize = 'A5' | 'A4';
export type Column = { header: string; width: number; align?: 'left' | 'center' | 'right' };

type FontkitFont = { hasGlyphForCodePoint(codePoint: number): boolean };
/** The part of pdfkit's (untyped) embedded font this file relies on. */
type EmbeddedFont = { font?: Partial<FontkitFont>; layoutRun?: (text: string, features?: unknown) => unknown };

const MARGIN = 28;
const TEXT_SIZE = 9;

export class SlipWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly glyphs: Record<FontWeight, FontkitFont>;
  /** While the cursor is above this line, flowing text leaves room on the right for a floated QR code. */
  private floatBottom = 0;
  private floatWidth = 0;
  /** The body text size: 9 pt, or less for a form whose content must hold on one page (the receipt). */
  private readonly textSize: number;
  private readonly lineGap: number;

  /**
   * `textSize` (default 9 pt) and `lineGap` (default 0: the font's own, about 1.36 em) set a denser page
   * for a form whose content must hold on one page (the receipt).
   */
  constructor(options: { size: PageSize; landscape?: boolean; title: string; at: Date; textSize?: number; lineGap?: number }) {
    this.textSize = options.textSize ?? TEXT_SIZE;
    this.doc = new PDFDocument({
      size: options.size,
      layout: options.landscape ? 'landscape' : 'portrait',
      margin: MARGIN,
      // Pinned dates make the file ID (an MD5 of the info) and so the whole file deterministic.
      info: { Title: options.title, Producer: 'motcua', Creator: 'motcua', CreationDate: options.at, ModDate: options.at },
      pdfVersion: '1.7',
    });
    this.doc.registerFont('regular', fontBytes('regular'));
    this.doc.registerFont('bold', fontBytes('bold'));
    this.glyphs = { regular: this.fontkitOf('regular'), bold: this.fontkitOf('bold') };
    this.doc.font('regular').fontSize(this.textSize);
    this.lineGap = options.lineGap ?? 0;
    if (this.lineGap) this.doc.lineGap(this.lineGap);
  }

  private fontkitOf(name: FontWeight): FontkitFont {
    this.doc.font(name);
    const embedded = (this.doc as unknown as { _font?: EmbeddedFont })._font;
    const font = embedded?.font;
    if (typeof font?.hasGlyphForCodePoint !== 'function' || typeof embedded?.layoutRun !== 'function') {
      throw new Error('pdfkit did not load the slip font through fontkit');
    }
    // fontkit's default `ccmp` feature splits "ụ", "ị"… into a base letter and a combining dot, and
    // pdfkit then maps the base glyph back to the plain letter: copied or extracted text loses its
    // diacritics. The font has every precomposed Vietnamese letter, so shape without ccmp (a fresh
    // object each time: fontkit fills it in).
    const layoutRun = embedded.layoutRun.bind(embedded);
    embedded.layoutRun = (text, features) => layoutRun(text, features ?? { ccmp: false });
    return font as FontkitFont;
  }

  /** Throws MissingGlyphError rather than let a character fall back to nothing. */
  checkGlyphs(text: string, weight: FontWeight): string {
    const normalised = text.normalize('NFC');
    for (const char of normalised) {
      const cp = char.codePointAt(0)!;
      if (cp < 0x20) continue; // line breaks are layout, not glyphs
      if (!this.glyphs[weight].hasGlyphForCodePoint(cp)) throw new MissingGlyphError(cp, text);
    }
    return normalised;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }
  get contentWidth(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` still fits below the cursor. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
      this.floatBottom = 0;
    }
  }

  private flowWidth(): number {
    return this.doc.y < this.floatBottom ? this.contentWidth - this.floatWidth : this.contentWidth;
  }

  /** A paragraph at the cursor. */
  text(
    value: string,
    opts: { weight?: FontWeight; size?: number; align?: 'left' | 'center' | 'right' | 'justify'; gap?: number } = {},
  ): this {
    const weight = opts.weight ?? 'regular';
    const safe = this.checkGlyphs(value, weight);
    this.doc
      .font(weight)
      .fontSize(opts.size ?? this.textSize)
      .text(safe, this.left, this.doc.y, { width: this.flowWidth(), align: opts.align ?? 'left' });
    if (opts.gap) this.doc.moveDown(opts.gap);
    return this;
  }

  /** `Label: value`, the label in bold; long values wrap under it. */
  field(label: string, value: string, size = this.textSize): this {
    return this.fields([[label, value]], { size });
  }

  /**
   * Several short `Label: value` pairs run on one line, after one another: a line saved each, where the
   * receipt must hold on one page. When they do not fit on one line, each pair takes its own line instead
   * (a pair cut across lines reads worse than the line it saves).
   */
  fields(pairs: [label: string, value: string][], opts: { size?: number; separator?: string } = {}): this {
    const size = opts.size ?? this.textSize;
    const separator = opts.separator ?? '; ';
    const runs = pairs.flatMap(([label, value], i): [string, FontWeight][] => [
      [this.checkGlyphs(`${i > 0 ? separator : ''}${label}: `, 'bold'), 'bold'],
      [this.checkGlyphs(value, 'regular'), 'regular'],
    ]);
    this.doc.fontSize(size);
    const width = runs.reduce((sum, [text, weight]) => sum + this.doc.font(weight).widthOfString(text), 0);
    if (pairs.length > 1 && width > this.flowWidth()) {
      for (const pair of pairs) this.fields([pair], { size });
      return this;
    }
    runs.forEach(([text, weight], i) => {
      const last = i === runs.length - 1;
      if (i === 0) this.doc.font(weight).text(text, this.left, this.doc.y, { width: this.flowWidth(), continued: !last });
      else this.doc.font(weight).text(text, { continued: !last });
    });
    return this;
  }

  /** Agency on the left, the national motto on the right (Circular 01/2018 layout). */
  nationalHeader(agency: { name: string; parentName?: string }): this {
    const top = this.doc.y;
    const leftWidth = this.contentWidth * 0.42;
    const rightX = this.left + leftWidth;
    const rightWidth = this.contentWidth - leftWidth;
    this.doc.fontSize(7.5);
    if (agency.parentName) {
      this.doc.font('regular').text(this.checkGlyphs(agency.parentName.toUpperCase(), 'regular'), this.left, top, { width: leftWidth, align: 'center' });
    }
    this.doc.font('bold').text(this.checkGlyphs(agency.name.toUpperCase(), 'bold'), this.left, agency.parentName ? this.doc.y : top, {
      width: leftWidth,
      align: 'center',
    });
    const leftBottom = this.doc.y;
    this.rule(this.left + leftWidth / 2 - 30, leftBottom + 1, 60);
    this.doc.font('bold').text(this.checkGlyphs('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'bold'), rightX, top, { width: rightWidth, align: 'center' });
    this.doc.font('bold').text(this.checkGlyphs('Độc lập - Tự do - Hạnh phúc', 'bold'), rightX, this.doc.y, { width: rightWidth, align: 'center' });
    const rightBottom = this.doc.y;
    this.rule(rightX + rightWidth / 2 - 55, rightBottom + 1, 110);
    this.doc.x = this.left;
    this.doc.y = Math.max(leftBottom, rightBottom) + 6;
    this.doc.fontSize(this.textSize);
    return this;
  }

  private rule(x: number, y: number, width: number): void {
    this.doc.moveTo(x, y).lineTo(x + width, y).lineWidth(0.5).stroke();
  }

  title(value: string, subtitle?: string): this {
    this.doc.moveDown(0.3);
    this.text(value, { weight: 'bold', size: 11, align: 'center' });
    if (subtitle) this.text(subtitle, { size: 8, align: 'center' });
    this.doc.moveDown(0.4);
    return this;
  }

  /**
   * A bordered table; rows wrap their cells, and the header repeats on every new page. `headerSize`: a
   * smaller header keeps narrow columns' titles to two lines.
   */
  table(columns: Column[], rows: string[][], size = 8, headerSize = size): this {
    const pad = 2;
    const heightOf = (cells: string[], weight: FontWeight) => {
      this.doc.font(weight).fontSize(weight === 'bold' ? headerSize : size);
      // A negative line gap shortens the measured height by one gap too many for pdfkit, which draws a line
      // only when its full height fits in the cell: without the gap back, a cell's last line would vanish.
      const slack = Math.max(0, -this.lineGap);
      return Math.max(...cells.map((c, i) => this.doc.heightOfString(c, { width: columns[i]!.width - 2 * pad }))) + 2 * pad + slack;
    };
    const drawRow = (cells: string[], weight: FontWeight, height: number) => {
      const y = this.doc.y;
      let x = this.left;
      cells.forEach((cell, i) => {
        const col = columns[i]!;
        this.doc.lineWidth(0.5).rect(x, y, col.width, height).stroke();
        this.doc
          .font(weight)
          .fontSize(weight === 'bold' ? headerSize : size)
          .text(this.checkGlyphs(cell, weight), x + pad, y + pad, { width: col.width - 2 * pad, align: col.align ?? 'left', height: height - 2 * pad });
        x += col.width;
      });
      this.doc.x = this.left;
      this.doc.y = y + height;
    };
    const headers = columns.map((c) => c.header);
    const headerHeight = heightOf(headers, 'bold');
    this.ensure(headerHeight * 2);
    drawRow(headers, 'bold', headerHeight);
    for (const row of rows) {
      const safe = row.map((c) => c.normalize('NFC'));
      // A cell taller than a page is cut to the page (pdfkit's `height` stops the text there).
      const height = Math.min(heightOf(safe, 'regular'), this.bottom - this.doc.page.margins.top - headerHeight);
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        drawRow(headers, 'bold', headerHeight);
      }
      drawRow(safe, 'regular', height);
    }
    this.doc.moveDown(0.4);
    return this;
  }

  /**
   * Signature blocks side by side: title, how to sign, room for the signature, printed name. `centre`, if
   * given, is a QR code with a few small lines under it, drawn between the first two blocks: the receipt
   * prints its VietQR code there, in room the signatures leave empty, so the form stays one A5 page.
   * The date line and the blocks move to a new page together when they do not fit below the cursor.
   */
  signatures(blocks: { title: string; note: string; name?: string }[], dateLine?: string, centre?: { data: string; size: number; caption: string[] }): this {
    // Title (8 pt), note (7 pt), 48 pt of room for the signature, a name of up to two lines (8 pt).
    const room = 48;
    const area = room + 37;
    const dateHeight = dateLine ? this.doc.font('regular').fontSize(8).heightOfString(this.checkGlyphs(dateLine, 'regular'), { width: this.contentWidth }) : 0;
    this.ensure(dateHeight + 4 + area);
    if (dateLine) this.text(dateLine, { size: 8, align: 'right' });
    const top = this.doc.y + 4;
    const columns = blocks.length + (centre ? 1 : 0);
    const width = this.contentWidth / columns;
    const columnOf = (i: number) => (centre && i >= 1 ? i + 1 : i);
    if (centre) {
      // The centre never reaches below the signature blocks (title, note, the room, name), so the QR code
      // cannot change where the page breaks: one line per caption entry, cut with an ellipsis rather than
      // wrapped (pdfkit would otherwise start a new page for a line past the margin).
      const x = this.left + width;
      const lineHeight = 7.2;
      const size = Math.min(centre.size, area - 11 - centre.caption.length * lineHeight);
      this.drawQr(centre.data, x + (width - size) / 2, top, size);
      centre.caption.forEach((line, i) => {
        this.doc.font('regular').fontSize(6).text(this.checkGlyphs(line, 'regular'), x, top + size + i * lineHeight, { width, height: lineHeight, ellipsis: true, align: 'center' });
      });
    }
    blocks.forEach((block, i) => {
      const x = this.left + columnOf(i) * width;
      this.doc.font('bold').fontSize(8).text(this.checkGlyphs(block.title, 'bold'), x, top, { width, align: 'center' });
      this.doc.font('regular').fontSize(7).text(this.checkGlyphs(block.note, 'regular'), x, this.doc.y, { width, align: 'center' });
      if (block.name) {
        this.doc.font('bold').fontSize(8).text(this.checkGlyphs(block.name, 'bold'), x, this.doc.y + room, { width, align: 'center' });
      }
    });
    this.doc.x = this.left;
    this.doc.y = top + area;
    this.doc.fontSize(this.textSize);
    return this;
  }

  /**
   * A QR code floated at the right of the cursor; the next lines flow to its left. Drawn as vector
   * squares (one per run of dark modules): sharp at any zoom, small, and deterministic.
   */
  floatQr(url: string, size = 84): this {
    const y0 = this.doc.y;
    this.drawQr(url, this.left + this.contentWidth - size, y0, size);
    this.floatBottom = y0 + size;
    this.floatWidth = size + 8;
    return this;
  }

  /** A QR code of `data` as vector squares, its top left corner at (x0, y0); the cursor does not move. */
  private drawQr(data: string, x0: number, y0: number, size: number): void {
    const qr = QRCode.create(data, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const quiet = 2;
    const unit = size / (n + 2 * quiet);
    this.doc.save().rect(x0, y0, size, size).fill('#ffffff').fillColor('#000000');
    for (let r = 0; r < n; r++) {
      let c = 0;
      while (c < n) {
        if (!qr.modules.get(r, c)) {
          c++;
          continue;
        }
        const start = c;
        while (c < n && qr.modules.get(r, c)) c++;
        this.doc.rect(x0 + (quiet + start) * unit, y0 + (quiet + r) * unit, (c - start) * unit, unit);
      }
    }
    this.doc.fill('#000000').restore();
  }

  /** Moves the cursor below a floated QR code. */
  clearFloat(): this {
    if (this.doc.y < this.floatBottom) this.doc.y = this.floatBottom + 2;
    this.floatBottom = 0;
    return this;
  }

  finish(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}
