/*
 * Every sentence a user reads from the metering context (DOMAIN.md, "Wording"): field problems
 * of point and meter IDs (APP-5, APP-6), the registry's refusals (MTR-2) and the import tool's
 * row reports (MTR-1, read by operators). Plain data only: domain code imports this file.
 */

const CLAIM_KIND_LABELS = { NEW: '新規', TERMINATION: '廃止' } as const;

export const meteringMessages = {
  // APP-6: 計器ID (FAQ A21).
  meterIdRequired: '計器IDを入力してください。',
  invalidMeterId:
    '計器IDは、計量器に記載されている大文字アルファベットから始まる7桁の番号を入力してください（例: F146832）。',
  invalidMeterNumber: '計量器に記載されているNo.は、半角数字6桁で入力してください。',
  inputFormatNameRequired:
    '計量器に記載されているNo.が6桁の場合は、「入力形式名」もあわせて入力してください。',
  invalidInputFormatName:
    '入力形式名は、計量器に記載されているアルファベットから始まる名称を入力してください。',
  meterRequired: '計器ID、または計量器に記載されているNo.と入力形式名を入力してください。',
  meterMismatch: (typed: string, fromPlate: string) =>
    `入力された計器ID（${typed}）と、No.・入力形式名から求めた計器ID（${fromPlate}）が一致しません。ご確認をお願いいたします。`,

  // APP-5: 供給地点特定番号・受電地点特定番号 (FAQ A19, A20).
  pointIdRequired: '供給地点特定番号または受電地点特定番号を入力してください。',
  pointIdNotDigits:
    '地点特定番号は半角数字で入力してください（ハイフン区切りも入力いただけます）。',
  pointIdLength: (digits: number) =>
    `地点特定番号は22桁で入力してください（入力いただいた桁数: ${digits}桁）。`,
  pointIdPrefix:
    '供給地点特定番号は「03-1011」から、受電地点特定番号は「03-1012」から始まる22桁の番号を入力してください。',
  unissuedPointId:
    '未発番の地点特定番号（03-1011または03-1012の後の16桁がすべて「0」）は登録できません。発番された地点特定番号を入力してください。',

  // MTR-2.
  heldByAnotherApplication: (pointId: string, applicationId: number, kind: 'NEW' | 'TERMINATION') =>
    `地点特定番号 ${pointId} には、手続中の${CLAIM_KIND_LABELS[kind]}のお申込み（申込ID: ${applicationId}）があります。新規・廃止のお申込みは、1つの地点につき同時に1件までとなります。`,

  // MTR-1 import (operators).
  csvTextAfterQuote: '引用符（"）で囲んだ値の後に文字があります。',
  csvStrayQuote: '引用符（"）で囲まれていない値に引用符があります。',
  csvUnclosedQuote: '引用符（"）が閉じられていません。',
  importHeader: (header: string) => `1行目は見出し「${header}」としてください。`,
  /** Where in a row a problem is: the column's place, its header name and what it holds. */
  importColumn: (place: number, header: string, meaning: string) =>
    `${place}列目（${header}: ${meaning}）`,
  importDuplicate: (column: string, earlier: number) =>
    `${column}: 同じ地点特定番号が${earlier}行目にもあります。1つの地点は1行にまとめてください。`,
  importColumns: (expected: number, actual: number) =>
    `列の数が${expected}ではありません（${actual}列）。`,
  importTerminalType: (column: string) =>
    `${column}: HIGH_VOLTAGE_TERMINAL（高圧端末）、OPTICAL（光通信）、UNKNOWN（不明）のいずれかを入力してください。`,
  importIsland: (column: string) =>
    `${column}: true（島嶼の計量地点）または false を入力してください。`,
  importTooManyRows: (max: number, rows: number) =>
    `1回に取り込めるのは${max}行までです（このファイルは${rows}行）。${max}行ずつのファイルに分けて取り込んでください。`,
};
