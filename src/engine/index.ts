/** The engine's public API (see README.md). */
export { ALL_EVENT_TYPES, Simulation, SimulationInputError, runToEvents } from './simulation';
export type { LagSnapshot, MemberSnapshot, SimulationOptions } from './simulation';
export type * from './events';
export { usToMs, msToUs } from './scheduler';
export type { SimLink, SimPort, SimDevice } from './device/types';
export { SpofAnalysis, analyzeTopology, CAPACITY_ADVICE, ElementKind, analysisElements, analysisTiming, capacityReport, linkSpeedMbps } from './analysis';
export type { AnalysisElement, AnalysisOptions, AnalysisProgress, AnalysisTiming, CapacityReport, CapacityRow, ElementResult, Loss, MeasuredItem, SpofReport } from './analysis';
