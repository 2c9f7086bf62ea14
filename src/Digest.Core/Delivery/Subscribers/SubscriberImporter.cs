namespace Digest.Core.Delivery.Subscribers;

/// <summary>
/// Imports rows into the <see cref="SubscriberDirectory"/>. Rows with the same address (case-insensitive) are merged
/// first: the first name given, the union of topics, and the most withdrawn status (complained over unsubscribed over
/// bounced over pending over active). Importing never resubscribes: a row saying "active" (or saying nothing) leaves an unsubscribed or bounced
/// subscriber as they are, unless <paramref name="allowResubscribe"/> is set. Rows may always withdraw someone.
/// A field the row does not give (null) keeps the stored value. UpdatedAt moves only when the status changes.
/// </summary>
public sealed class SubscriberImporter(SubscriberDirectory directory, TimeProvider time)
{
    public async Task<SubscriberImportResult> ImportAsync(IReadOnlyList<SubscriberRow> rows, bool allowResubscribe = false, CancellationToken cancellationToken = default)
    {
        var diagnostics = new List<SubscriberFileDiagnostic>();
        var merged = Merge(rows, diagnostics);
        int added = 0, updated = 0, unchanged = 0, keptInactive = 0;
        var now = time.GetUtcNow();
        foreach (var row in merged)
        {
            var existing = await directory.GetAsync(SubscriberKey.For(row.Email), cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                await directory.PutAsync(new Subscriber(row.Email, row.Name, row.Status ?? SubscriberStatus.Active, now, now, row.Topics ?? []), cancellationToken).ConfigureAwait(false);
                added++;
                continue;
            }

            var status = row.Status ?? existing.Status;
            if (status == SubscriberStatus.Active && existing.Status != SubscriberStatus.Active && !allowResubscribe)
            {
                status = existing.Status;
                if (row.Status == SubscriberStatus.Active)
                {
                    keptInactive++;
                    diagnostics.Add(new SubscriberFileDiagnostic(row.Location, "kept-inactive", $"{EmailMask.Mask(row.Email)} stays {SubscriberFields.Format(existing.Status)} (use the resubscribe option to reactivate)"));
                }
            }

            var next = existing with
            {
                Name = row.Name ?? existing.Name,
                Topics = row.Topics ?? existing.Topics,
                Status = status,
                UpdatedAt = status != existing.Status ? now : existing.UpdatedAt,
            };
            if (next.Name == existing.Name && next.Status == existing.Status && next.Topics.SequenceEqual(existing.Topics))
            {
                unchanged++;
                continue;
            }

            await directory.PutAsync(next, cancellationToken).ConfigureAwait(false);
            updated++;
        }

        return new SubscriberImportResult(added, updated, unchanged, keptInactive, rows.Count - merged.Count, diagnostics);
    }

    private static List<SubscriberRow> Merge(IReadOnlyList<SubscriberRow> rows, List<SubscriberFileDiagnostic> diagnostics)
    {
        var byAddress = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var merged = new List<SubscriberRow>(rows.Count);
        foreach (var row in rows)
        {
            if (!byAddress.TryGetValue(row.Email, out var index))
            {
                byAddress[row.Email] = merged.Count;
                merged.Add(row);
                continue;
            }

            var first = merged[index];
            diagnostics.Add(new SubscriberFileDiagnostic(row.Location, "duplicate", $"{EmailMask.Mask(row.Email)} also appears at {first.Location}; the rows were merged"));
            merged[index] = first with
            {
                Name = first.Name ?? row.Name,
                Status = MostWithdrawn(first.Status, row.Status),
                Topics = first.Topics is null ? row.Topics : row.Topics is null ? first.Topics : first.Topics.Union(row.Topics, StringComparer.OrdinalIgnoreCase).ToList(),
            };
        }

        return merged;
    }

    private static SubscriberStatus? MostWithdrawn(SubscriberStatus? a, SubscriberStatus? b)
    {
        static int Rank(SubscriberStatus? s) => s switch { SubscriberStatus.Complained => 5, SubscriberStatus.Unsubscribed => 4, SubscriberStatus.Bounced => 3, SubscriberStatus.Pending => 2, SubscriberStatus.Active => 1, _ => 0 };
        return Rank(a) >= Rank(b) ? a : b;
    }
}
