using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Funding.Domain;
using Paradiplomacy.ServiceDefaults.Errors;
using ProgramsClient = Paradiplomacy.Contracts.Programs.V1.Programs.ProgramsClient;
using V1Programs = Paradiplomacy.Contracts.Programs.V1;

namespace Paradiplomacy.Funding.Data;

/// <summary>The programs money is booked for, from the projection the programs events keep. A program
/// the projection has not heard of yet (planned a moment ago, or before this service's queues existed) is
/// asked of the programs service once, as the caller (their token), and kept: the events then keep it current.</summary>
public sealed class ProgramDirectory(FundingDbContext db, ProgramsClient programs, ILogger<ProgramDirectory> logger)
{
    public async Task<FundedProgram> FindAsync(string programId, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var known = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.ProgramId == programId, ct);
        if (known is not null)
        {
            return known;
        }
        V1Programs.Program program;
        try
        {
            var headers = new Metadata();
            if (context.RequestHeaders.GetValue("authorization") is { } authorization)
            {
                headers.Add("authorization", authorization);
            }
            program = await programs.GetProgramAsync(new V1Programs.GetProgramRequest { Id = programId }, headers, cancellationToken: ct);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument or StatusCode.PermissionDenied)
        {
            throw new NotFoundException("Program", programId);
        }
        catch (RpcException ex)
        {
            logger.LogWarning("The programs service did not answer for {ProgramId}: {Status}", programId, ex.StatusCode);
            throw new PreconditionFailedException($"Program {programId} is not known here yet and the programs service did not answer; try again shortly.", "PROGRAM_UNKNOWN");
        }
        var learnt = new FundedProgram { ProgramId = program.Id };
        learnt.Apply(int.Parse(program.Etag, System.Globalization.CultureInfo.InvariantCulture), StatusName(program.Status), program.AgreementId, program.RegionCode,
            program.Title, program.Field, [.. program.ForeignPartyIds], DateOf(program.StartDate), DateOf(program.EndDate));
        db.Programs.Add(learnt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Its event arrived meanwhile: the projection has it.
            db.ChangeTracker.Clear();
            return await db.Programs.AsNoTracking().FirstAsync(p => p.ProgramId == programId, ct);
        }
        db.Entry(learnt).State = EntityState.Detached;
        return learnt;
    }

    /// <summary>The contract's status as the programs events name it (InProgress, Cancelled...).</summary>
    public static string StatusName(V1Programs.ProgramStatus status) => status switch
    {
        V1Programs.ProgramStatus.Planned => "Planned",
        V1Programs.ProgramStatus.Approved => "Approved",
        V1Programs.ProgramStatus.InProgress => "InProgress",
        V1Programs.ProgramStatus.Postponed => "Postponed",
        V1Programs.ProgramStatus.Completed => "Completed",
        V1Programs.ProgramStatus.Cancelled => "Cancelled",
        _ => "Unspecified",
    };

    private static DateOnly? DateOf(Google.Type.Date? date) => date is null || date.Year == 0 ? null : new DateOnly(date.Year, date.Month, date.Day);
}
