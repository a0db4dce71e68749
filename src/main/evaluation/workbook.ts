import type { EvaluationSheetDto } from '../../shared/evaluation';

/** The Excel workbook of a recorded sheet (filled in below). */
export async function exportWorkbook(sheet: EvaluationSheetDto): Promise<{ fileName: string; base64: string }> {
  return Promise.resolve({ fileName: `evaluation-${sheet.month}-v${sheet.recorded?.version ?? 0}.xlsx`, base64: '' });
}
