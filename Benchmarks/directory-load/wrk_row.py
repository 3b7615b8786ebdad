"""One row of the results table from wrk's --latency output: requests/s, p50, p99, errors, ratio to the ceiling.

usage: wrk_row.py WRK_OUTPUT NAME CEILING_REQUESTS_PER_SECOND (0 for the ceiling itself)
"""
import re, sys
text = open(sys.argv[1]).read()
name, ceiling = sys.argv[2], float(sys.argv[3])
def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
lat = dict((p, ms(v, u)) for p, v, u in re.findall(r"\s(\d+)%\s+([\d.]+)(us|ms|s|m)\b", text))
errors = 0
m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if m: errors += int(m.group(1))
m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
if m: errors += sum(int(x) for x in m.groups())
ratio = f"{rps / ceiling:.3f}" if ceiling else "1 (ceiling)"
print(f"| {name:<18} | {rps:9.0f} | {lat.get('50', 0):8.2f} | {lat.get('99', 0):8.2f} | {errors:6d} | {ratio:>11} |")
