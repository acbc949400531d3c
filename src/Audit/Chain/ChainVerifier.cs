namespace Smooth.Audit.Chain;

/// <summary>
/// Walks records in storage order and reports every break: a record whose content no longer matches its hash
/// (edited), a gap in the sequence (deleted), a record whose previous-hash names another record (reordered or
/// deleted), and a chain shorter than its head anchor (deleted from the end).
/// </summary>
public static class ChainVerifier
{
    /// <summary>Checks <paramref name="records"/> (in storage order) against the optional head anchor.</summary>
    public static VerifyReport Verify(IEnumerable<AuditRecord> records, ChainHead? head)
    {
        var problems = new List<ChainProblem>();
        var expectedPrev = ChainHasher.Genesis;
        long expectedSeq = 1;
        long count = 0;
        AuditRecord? last = null;
        foreach (var record in records)
        {
            count++;
            if (record.Seq != expectedSeq)
            {
                problems.Add(record.Seq > expectedSeq
                    ? new ChainProblem(record.Seq, "missing", $"records {expectedSeq}..{record.Seq - 1} are missing")
                    : new ChainProblem(record.Seq, "reordered", $"record {record.Seq} appears after record {expectedSeq - 1}"));
            }
            if (!string.Equals(record.PrevHash, expectedPrev, StringComparison.Ordinal))
            {
                problems.Add(new ChainProblem(record.Seq, "reordered",
                    "its previous-hash does not name the record stored before it (a record was removed, inserted or moved)"));
            }
            if (!string.Equals(ChainHasher.Recompute(record), record.Hash, StringComparison.Ordinal))
            {
                problems.Add(new ChainProblem(record.Seq, "edited", "its content no longer matches its hash"));
            }
            expectedPrev = record.Hash;
            expectedSeq = record.Seq + 1;
            last = record;
        }
        if (head is not null && (last is null || last.Seq < head.Seq))
        {
            problems.Add(new ChainProblem(last?.Seq ?? 0, "truncated", $"the head anchor records {head.Seq} events but the log ends at {last?.Seq ?? 0}"));
        }
        else if (head is not null && last is not null && last.Seq == head.Seq && last.Hash != head.Hash)
        {
            problems.Add(new ChainProblem(last.Seq, "edited", "the last record's hash differs from the head anchor"));
        }
        return new VerifyReport(problems.Count == 0, count, problems);
    }
}
