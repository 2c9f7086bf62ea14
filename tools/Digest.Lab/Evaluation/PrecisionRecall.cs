namespace Digest.Lab.Evaluation;

/// <summary>Precision, recall and their harmonic mean (F1; 0 when both are 0).</summary>
public sealed record PrecisionRecall(double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
