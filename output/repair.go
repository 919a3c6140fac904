package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// RepairJSONL makes a file a killed run left whole: it truncates a torn
// last line (no trailing '\n', or not a valid JSON record) and returns the
// records the file holds, in order. A line that is not a record anywhere
// but last is corruption no run leaves; RepairJSONL then returns an error
// naming the file and line and changes nothing.
func RepairJSONL(path string) ([]Record, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, fmt.Errorf("repairing %s: %w", path, err)
	}
	defer f.Close()
	var (
		recs    []Record
		whole   int64 // bytes of whole, valid lines read so far
		lineNo  int
		bad     int // line number of the first invalid line, 0 if none
		badText error
	)
	br := bufio.NewReaderSize(f, 64<<10)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) == 0 && errors.Is(err, io.EOF) {
			break
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("repairing %s: %w", path, err)
		}
		lineNo++
		if bad != 0 {
			// An invalid line followed by more data: not a torn tail.
			return nil, fmt.Errorf("repairing %s: line %d: %w", path, bad, badText)
		}
		if err != nil { // io.EOF: no trailing newline, torn
			break
		}
		rec, perr := parseLine(line)
		if perr != nil {
			bad, badText = lineNo, perr
			continue
		}
		recs = append(recs, rec)
		whole += int64(len(line))
	}
	size, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return nil, fmt.Errorf("repairing %s: %w", path, err)
	}
	if size != whole {
		if err := f.Truncate(whole); err != nil {
			return nil, fmt.Errorf("repairing %s: truncating torn tail: %w", path, err)
		}
		if err := f.Sync(); err != nil {
			return nil, fmt.Errorf("repairing %s: %w", path, err)
		}
	}
	return recs, nil
}

// parseLine reads one line (with its '\n') as a Record.
func parseLine(line []byte) (Record, error) {
	body := bytes.TrimSuffix(line, []byte{'\n'})
	if len(body) == 0 || body[0] != '{' || !json.Valid(body) {
		return Record{}, errors.New("not a JSON object")
	}
	var r Record
	if err := json.Unmarshal(body, &r); err != nil {
		return Record{}, fmt.Errorf("not a record: %w", err)
	}
	return r, nil
}

// cutTornTail truncates f (open for appending) after its last '\n' when it
// does not end in one, so the next line appended starts whole.
func cutTornTail(f *os.File, path string) error {
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("opening %s: %w", path, err)
	}
	size := st.Size()
	if size == 0 {
		return nil
	}
	var last [1]byte
	if _, err := f.ReadAt(last[:], size-1); err == nil && last[0] == '\n' {
		return nil
	}
	// Find the last newline, reading backwards in blocks.
	const block = 64 << 10
	buf := make([]byte, block)
	end := size
	keep := int64(0)
	for end > 0 {
		start := max(end-block, 0)
		n, err := f.ReadAt(buf[:end-start], start)
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("opening %s: %w", path, err)
		}
		if i := bytes.LastIndexByte(buf[:n], '\n'); i >= 0 {
			keep = start + int64(i) + 1
			break
		}
		end = start
	}
	if err := f.Truncate(keep); err != nil {
		return fmt.Errorf("opening %s: cutting torn last line: %w", path, err)
	}
	return f.Sync()
}
