/**
 * The lab's canvas: a controlled React Flow drawing the topology document (devices as cards,
 * links as curves, LAG bundles), coloured by the live overlay, with LACPDU dots flying along the
 * links. Every gesture becomes a topology edit or a lab command; the canvas owns no lab state.
 */
import '@xyflow/react/dist/style.css';
import './canvas.css';
import type { EdgeTypes, FitViewOptions, NodeTypes } from '@xyflow/react';
import { Background, BackgroundVariant, ConnectionMode, Controls, MiniMap, Panel, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveMaps, useOverlayStore } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { useUiStore } from '../uiStore';
import { ContextMenu } from './ContextMenu';
import type { DeviceNodeType, LinkEdgeType } from './derive';
import { createDeriver } from './derive';
import { DeviceNode } from './DeviceNode';
import { setHoverDevice, useFlowHighlightSync } from './flowHighlight';
import { hasLevelLink } from './layout';
import { Legend } from './Legend';
import { LinkEdge } from './LinkEdge';
import { isLargeLab, selectTooManyMarching } from './motion';
import { PduLayer } from './PduLayer';
import { useCanvasKeys } from './useCanvasKeys';
import { useCanvasPointer } from './useCanvasPointer';
import { useFitOnNewLab } from './useFitOnNewLab';
import { useFlowHandlers } from './useFlowHandlers';

const nodeTypes: NodeTypes = { device: DeviceNode };
const edgeTypes: EdgeTypes = { link: LinkEdge };
const SNAP_GRID: [number, number] = [20, 20];
// Room at the bottom for the legend, controls and minimap that float over the canvas.
const FIT_VIEW_OPTIONS: FitViewOptions = { padding: { top: '36px', right: '40px', bottom: '104px', left: '40px' }, maxZoom: 1.15 };
/** Links between cards at the same height arc over them (layout.ts): leave room above. */
const FIT_WITH_ARCS: FitViewOptions = { ...FIT_VIEW_OPTIONS, padding: { top: '120px', right: '40px', bottom: '104px', left: '40px' } };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const CONNECTION_LINE_STYLE = { stroke: '#3b82f6', strokeWidth: 2, strokeDasharray: '6 4' };
const PRO_OPTIONS = { hideAttribution: true };
const MINIMAP_STYLE = { width: 132, height: 86 };

function minimapColor(node: DeviceNodeType): string {
  return node.selected ? '#3b82f6' : '#94a3b8';
}

const onNodeMouseEnter = (_e: unknown, node: DeviceNodeType) => setHoverDevice(node.id);
const onNodeMouseLeave = () => setHoverDevice(null);

function CanvasFlow() {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const selection = useTopologyStore((s) => s.selection);
  const tool = useUiStore((s) => s.tool);
  const [derive] = useState(createDeriver);
  const { nodes, edges } = useMemo(() => derive(doc, selection), [derive, doc, selection]);
  const flow = useFlowHandlers();
  const { wrapperRef, menu, closeMenu, onNodeClick, onEdgeClick, onNodeContextMenu, onEdgeContextMenu, onPaneContextMenu } = useCanvasPointer();
  const isFailTool = tool === 'fail';
  const isBusy = useLiveMaps(selectTooManyMarching);
  // Traffic dots stand still while the clock does.
  const isPaused = useOverlayStore((s) => !s.running);
  useFlowHighlightSync();
  useCanvasKeys();
  const fitOptions = useMemo(() => (hasLevelLink(doc) ? FIT_WITH_ARCS : FIT_VIEW_OPTIONS), [doc]);
  useFitOnNewLab(doc, fitOptions);

  return (
    <div
      ref={wrapperRef}
      className={`topolab-canvas${isFailTool ? ' is-fail-tool' : ''}${isBusy ? ' is-busy' : ''}${isPaused ? ' is-paused' : ''}${isLargeLab(doc) ? ' is-large' : ''}`}
      data-testid="canvas"
      data-tool={tool}
      onDragOver={flow.onDragOver}
      onDrop={flow.onDrop}
    >
      <ReactFlow<DeviceNodeType, LinkEdgeType>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={flow.onNodesChange}
        onEdgesChange={flow.onEdgesChange}
        onNodeDragStop={flow.onDragStop}
        onSelectionDragStop={flow.onDragStop}
        onConnect={flow.onConnect}
        onNodeClick={onNodeClick}
        onEdgeClick={onEdgeClick}
        onNodeContextMenu={onNodeContextMenu}
        onNodeMouseEnter={onNodeMouseEnter}
        onNodeMouseLeave={onNodeMouseLeave}
        onEdgeContextMenu={onEdgeContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        onMoveStart={closeMenu}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={24}
        connectionLineStyle={CONNECTION_LINE_STYLE}
        snapToGrid
        snapGrid={SNAP_GRID}
        fitView
        fitViewOptions={fitOptions}
        minZoom={0.2}
        maxZoom={2.5}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        nodesDraggable={!isFailTool}
        nodesConnectable={!isFailTool}
        elementsSelectable={!isFailTool}
        proOptions={PRO_OPTIONS}
        aria-label={t('canvas.aria')}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.5} color="#c7d0dc" />
        <MiniMap<DeviceNodeType> className="canvas-minimap" style={MINIMAP_STYLE} pannable zoomable nodeColor={minimapColor} nodeBorderRadius={6} maskColor="rgba(241, 245, 249, 0.7)" ariaLabel={t('canvas.minimap')} />
        <Controls className="canvas-controls" position="bottom-right" orientation="horizontal" showInteractive={false} aria-label={t('canvas.controls')} />
        <Legend />
        <PduLayer />
        {isFailTool && (
          <Panel position="bottom-center" className="fail-hint" data-testid="fail-hint">
            {t('canvas.failHint')}
          </Panel>
        )}
        {doc.devices.length === 0 && (
          <Panel position="top-center" className="empty-hint" data-testid="canvas-empty">
            {t('canvas.empty')}
          </Panel>
        )}
      </ReactFlow>
      {menu && <ContextMenu menu={menu} onClose={closeMenu} />}
    </div>
  );
}

/** The canvas; fills its parent. */
export function Canvas() {
  return (
    <ReactFlowProvider>
      <CanvasFlow />
    </ReactFlowProvider>
  );
}
