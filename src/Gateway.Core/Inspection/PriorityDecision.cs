namespace FunctionGateway.Inspection;

/// <summary>Why one route beats another: the deciding rule and, for <see cref="PriorityReason.LiteralBeforeParameter"/>, the segment (0-based).</summary>
public readonly record struct PriorityDecision(PriorityReason Reason, int Segment);
