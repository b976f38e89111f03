"""Reading locust's CSV output."""

from benchmarks.load.locust_csv import read_failures, read_stats

HEADER = (
    "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
    "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
    "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%\n"
)


def test_aggregated_row_gives_the_run_figures(tmp_path):
    path = tmp_path / "run_stats.csv"
    path.write_text(
        HEADER
        + "GET,/,300,2,9,9.5,6.1,45.0,13.0,60.5,0.4,9,10,10,11,12,14,15,16,23,45,45\n"
        + "GET,/tag/[tag]/,100,0,20,21.0,8.0,50.0,900.0,20.1,0.0,20,22,23,24,30,35,40,42,50,50,50\n"
        + ",Aggregated,400,2,10,12.4,6.1,50.0,230.0,80.6,0.4,10,12,14,15,20,30,38,40,50,50,50\n"
    )
    stats = read_stats(path)
    assert stats["requests"] == 400
    assert stats["failures"] == 2
    assert stats["rps"] == 80.6
    assert (stats["p50_ms"], stats["p95_ms"], stats["p99_ms"]) == (10, 30, 40)
    assert stats["endpoints"]["GET /tag/[tag]/"]["requests"] == 100


def test_a_run_without_requests_reads_as_not_available(tmp_path):
    path = tmp_path / "run_stats.csv"
    na = ",".join(["N/A"] * 11)
    path.write_text(HEADER + f",Aggregated,0,0,0,0,0,0,0,0,0,{na}\n")
    stats = read_stats(path)
    assert stats["requests"] == 0
    assert stats["p95_ms"] is None


def test_failures_are_read_with_their_counts(tmp_path):
    path = tmp_path / "run_failures.csv"
    path.write_text(
        "Method,Name,Error,Occurrences,First Seen,Last Seen\n"
        'GET,/,"marker \'data-testid=""article-list""\' missing",3,1,2\n'
    )
    assert read_failures(path) == [
        {
            "endpoint": "GET /",
            "error": "marker 'data-testid=\"article-list\"' missing",
            "occurrences": 3,
        }
    ]
    assert read_failures(tmp_path / "absent.csv") == []
