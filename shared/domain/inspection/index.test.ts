import { describe, expect, it } from 'vitest';
import * as inspection from './index';

describe('inspection index', () => {
  it('re-exports every module', () => {
    for (const name of [
      'addMonths',
      'daysBetween',
      'itemResultSchema',
      'RESULT_LABELS',
      'findingSchema',
      'SEVERITY_CRITERIA',
      'CATEGORY_LABELS',
      'STATUS_LABELS',
      'inspectionIssues',
      'completionByGroup',
      'systemSchema',
      'ASSESSMENT_CYCLE_MONTHS',
      'nextAssessmentDue',
      'assessmentStatus',
      'drillSchema',
      'drillStatus',
      'drawSample',
      'newSampleSeed',
    ]) {
      expect(inspection, name).toHaveProperty(name);
    }
  });
});
