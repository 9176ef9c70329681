/** SPoF finder and N-1 capacity (issue 6); see README.md. */
export { SpofAnalysis, analyzeTopology } from './spof';
export type { AnalysisOptions, AnalysisProgress, ElementResult, Loss, SpofReport } from './spof';
export { CAPACITY_ADVICE, capacityReport, linkSpeedMbps } from './capacity';
export type { CapacityReport, CapacityRow } from './capacity';
export { ElementKind, analysisElements, analysisTiming } from './elements';
export type { AnalysisElement, AnalysisTiming } from './elements';
export type { Episode, LinkRate, MeasuredItem } from './observe';
