package media

import (
	"encoding/binary"
	"errors"
	"io"
	"math"
	"slices"
	"time"

	mp4 "github.com/abema/go-mp4"
)

// VideoInfo is what parsing a video container tells without decoding it.
type VideoInfo struct {
	Duration time.Duration
	Width    int
	Height   int
}

// errVideo is any container that does not parse; callers refuse the file.
var errVideo = errors.New("media: not a readable video")

// ProbeMP4 reads the duration (mvhd) and the first video track's size
// (tkhd) with go-mp4, touching only those boxes.
func ProbeMP4(r io.ReadSeeker) (VideoInfo, error) {
	boxes, err := mp4.ExtractBoxesWithPayload(r, nil, []mp4.BoxPath{
		{mp4.BoxTypeMoov(), mp4.BoxTypeMvhd()},
		{mp4.BoxTypeMoov(), mp4.BoxTypeTrak(), mp4.BoxTypeTkhd()},
	})
	if err != nil {
		return VideoInfo{}, errVideo
	}
	var v VideoInfo
	seenMvhd := false
	for _, b := range boxes {
		switch p := b.Payload.(type) {
		case *mp4.Mvhd:
			if p.Timescale == 0 {
				return VideoInfo{}, errVideo
			}
			seenMvhd = true
			d := p.GetDuration()
			if d > math.MaxInt64/uint64(time.Second) {
				return VideoInfo{}, errVideo
			}
			v.Duration = time.Duration(d) * time.Second / time.Duration(p.Timescale)
		case *mp4.Tkhd:
			if w, h := int(p.GetWidthInt()), int(p.GetHeightInt()); w > 0 && h > 0 && v.Width == 0 {
				v.Width, v.Height = w, h
			}
		}
	}
	if !seenMvhd {
		return VideoInfo{}, errVideo
	}
	return v, nil
}

// Matroska/WebM element ids used here.
const (
	idEBML         = 0x1A45DFA3
	idDocType      = 0x4282
	idSegment      = 0x18538067
	idInfo         = 0x1549A966
	idTimecodeScal = 0x2AD7B1
	idDuration     = 0x4489
	idTracks       = 0x1654AE6B
	idTrackEntry   = 0xAE
	idVideo        = 0xE0
	idPixelWidth   = 0xB0
	idPixelHeight  = 0xBA
	idCluster      = 0x1F43B675
	idTimecode     = 0xE7
	idSimpleBlock  = 0xA3
	idBlockGroup   = 0xA0
	idBlock        = 0xA1
)

// level1 are the ids that may follow a cluster of unknown size, ending it.
var level1 = map[uint32]bool{idCluster: true, idInfo: true, idTracks: true, 0x1C53BB6B: true, 0x114D9B74: true,
	0x1043A770: true, 0x1254C367: true, 0x1941A469: true}

// ebml reads EBML elements by offset from a file of known size.
type ebml struct {
	r     io.ReaderAt
	size  int64
	steps int
}

const unknownSize = -1

// maxSteps bounds the elements one file may make the reader visit.
const maxSteps = 2_000_000

// header reads the id and data size of the element at off and returns them
// with the header's length; size is unknownSize for a live-streamed element.
func (e *ebml) header(off int64) (id uint32, size int64, hlen int64, err error) {
	e.steps++
	if e.steps > maxSteps {
		return 0, 0, 0, errVideo
	}
	var b [12]byte
	n, _ := e.r.ReadAt(b[:], off)
	if n < 2 {
		return 0, 0, 0, io.EOF
	}
	idLen := leadingZeros(b[0]) + 1
	if idLen > 4 || idLen >= n {
		return 0, 0, 0, errVideo
	}
	for i := range idLen {
		id = id<<8 | uint32(b[i])
	}
	szLen := leadingZeros(b[idLen]) + 1
	if szLen > 8 || idLen+szLen > n {
		return 0, 0, 0, errVideo
	}
	v := uint64(b[idLen]) & (0xFF >> szLen)
	allOnes := v == uint64(0xFF>>szLen)
	for i := 1; i < szLen; i++ {
		v = v<<8 | uint64(b[idLen+i])
		allOnes = allOnes && b[idLen+i] == 0xFF
	}
	hlen = int64(idLen + szLen)
	if allOnes {
		return id, unknownSize, hlen, nil
	}
	if v > uint64(e.size) {
		return 0, 0, 0, errVideo
	}
	return id, int64(v), hlen, nil
}

func leadingZeros(b byte) int {
	n := 0
	for mask := byte(0x80); mask != 0 && b&mask == 0; mask >>= 1 {
		n++
	}
	return n
}

func (e *ebml) bytes(off, n int64) ([]byte, error) {
	if n < 0 || n > 64 {
		return nil, errVideo
	}
	b := make([]byte, n)
	if _, err := e.r.ReadAt(b, off); err != nil {
		return nil, errVideo
	}
	return b, nil
}

func (e *ebml) uint(off, n int64) (uint64, error) {
	b, err := e.bytes(off, n)
	if err != nil || n > 8 {
		return 0, errVideo
	}
	var v uint64
	for _, c := range b {
		v = v<<8 | uint64(c)
	}
	return v, nil
}

// children calls fn for each child of the element whose data spans
// [start, end); fn returns how far the child reached when it differs.
func (e *ebml) children(start, end int64, fn func(id uint32, off, size int64) error) error {
	for off := start; off < end; {
		id, size, hl, err := e.header(off)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if size == unknownSize || off+hl+size > end {
			return errVideo
		}
		if err := fn(id, off+hl, size); err != nil {
			return err
		}
		off += hl + size
	}
	return nil
}

// ProbeWebM reads a WebM file's duration and video size with a small EBML
// reader. Recordings made by browsers (MediaRecorder) carry no duration and
// use elements of unknown size; their duration is the last block's time,
// found by walking the clusters and reading four bytes of each block.
func ProbeWebM(r io.ReaderAt, size int64) (VideoInfo, error) {
	e := &ebml{r: r, size: size}
	id, hsize, hl, err := e.header(0)
	if err != nil || id != idEBML || hsize == unknownSize {
		return VideoInfo{}, errVideo
	}
	docType := ""
	if err := e.children(hl, hl+hsize, func(id uint32, off, size int64) error {
		if id == idDocType {
			b, err := e.bytes(off, size)
			if err != nil {
				return err
			}
			docType = string(b)
		}
		return nil
	}); err != nil {
		return VideoInfo{}, err
	}
	if docType != "webm" {
		return VideoInfo{}, errVideo
	}
	segOff := hl + hsize
	id, ssize, hl, err := e.header(segOff)
	if err != nil || id != idSegment {
		return VideoInfo{}, errVideo
	}
	segStart, segEnd := segOff+hl, size
	if ssize != unknownSize {
		segEnd = min(segStart+ssize, size)
	}

	var v VideoInfo
	scale := uint64(1_000_000) // nanoseconds per tick, the default
	var duration float64
	var lastBlock int64 = -1
	sawCluster := false
	clusterChild := func(clusterTC *int64) func(id uint32, off, size int64) error {
		return func(id uint32, off, size int64) error {
			switch id {
			case idTimecode:
				tc, err := e.uint(off, size)
				if err != nil || tc > math.MaxInt64/2 {
					return errVideo
				}
				*clusterTC = int64(tc)
			case idSimpleBlock:
				return block(e, off, size, *clusterTC, &lastBlock)
			case idBlockGroup:
				return e.children(off, off+size, func(id uint32, off, size int64) error {
					if id == idBlock {
						return block(e, off, size, *clusterTC, &lastBlock)
					}
					return nil
				})
			}
			return nil
		}
	}
	for off := segStart; off < segEnd; {
		id, size, hl, err := e.header(off)
		if err == io.EOF {
			break
		}
		if err != nil {
			return VideoInfo{}, err
		}
		data := off + hl
		if size == unknownSize {
			if id != idCluster {
				return VideoInfo{}, errVideo
			}
			// A live cluster ends where the next level-1 element starts.
			sawCluster = true
			var tc int64
			fn := clusterChild(&tc)
			p := data
			for p < segEnd {
				cid, csize, chl, err := e.header(p)
				if err == io.EOF {
					break
				}
				if err != nil {
					return VideoInfo{}, err
				}
				if level1[cid] {
					break
				}
				if csize == unknownSize {
					return VideoInfo{}, errVideo
				}
				if p+chl+csize > segEnd { // cut short: keep what was read
					p = segEnd
					break
				}
				if err := fn(cid, p+chl, csize); err != nil {
					return VideoInfo{}, err
				}
				p += chl + csize
			}
			off = p
			continue
		}
		end := data + size
		if end > segEnd {
			end = segEnd // a file cut short is read as far as it goes
		}
		switch id {
		case idInfo:
			err = e.children(data, end, func(id uint32, off, size int64) error {
				switch id {
				case idTimecodeScal:
					s, err := e.uint(off, size)
					if err != nil || s == 0 || s > 1_000_000_000 {
						return errVideo
					}
					scale = s
				case idDuration:
					b, err := e.bytes(off, size)
					if err != nil {
						return err
					}
					switch size {
					case 4:
						duration = float64(math.Float32frombits(binary.BigEndian.Uint32(b)))
					case 8:
						duration = math.Float64frombits(binary.BigEndian.Uint64(b))
					default:
						return errVideo
					}
				}
				return nil
			})
		case idTracks:
			err = e.children(data, end, func(id uint32, off, size int64) error {
				if id != idTrackEntry {
					return nil
				}
				return e.children(off, off+size, func(id uint32, off, size int64) error {
					if id != idVideo || v.Width != 0 {
						return nil
					}
					return e.children(off, off+size, func(id uint32, off, size int64) error {
						var err error
						var n uint64
						switch id {
						case idPixelWidth:
							n, err = e.uint(off, size)
							v.Width = int(min(n, 1<<20))
						case idPixelHeight:
							n, err = e.uint(off, size)
							v.Height = int(min(n, 1<<20))
						}
						return err
					})
				})
			})
		case idCluster:
			sawCluster = true
			var tc int64
			err = e.children(data, end, clusterChild(&tc))
		}
		if err != nil {
			return VideoInfo{}, err
		}
		off = data + size
	}
	if math.IsNaN(duration) || math.IsInf(duration, 0) || duration < 0 || duration > 1e15 {
		return VideoInfo{}, errVideo
	}
	ticks := duration
	if ticks == 0 && lastBlock > 0 {
		ticks = float64(lastBlock)
	}
	if !sawCluster && ticks == 0 {
		return VideoInfo{}, errVideo
	}
	ns := ticks * float64(scale)
	if ns > float64(math.MaxInt64) {
		return VideoInfo{}, errVideo
	}
	v.Duration = time.Duration(ns)
	return v, nil
}

// block reads a (Simple)Block's track number and relative time and keeps
// the latest absolute time seen.
func block(e *ebml, off, size, clusterTC int64, last *int64) error {
	head, err := e.bytes(off, min(size, 11))
	if err != nil || len(head) < 1 {
		return errVideo
	}
	tl := leadingZeros(head[0]) + 1
	if tl > 8 || len(head) < tl+2 {
		return errVideo
	}
	rel := int16(binary.BigEndian.Uint16(head[tl : tl+2]))
	if t := clusterTC + int64(rel); t > *last {
		*last = t
	}
	return nil
}

// addWebMDuration writes to out a copy of a browser recording with its
// duration written into its Info element, so players know the length and
// can seek. Browsers write it in one of two ways: Chromium leaves the
// Duration out (segment of unknown size, no seek head), so one is added to
// Info; Firefox writes a Duration of zero (after an empty seek head), which
// is filled in where it stands, moving no byte of the rest. It reports
// false, writing nothing, for any other file, which is kept as it is.
func addWebMDuration(r io.ReaderAt, size int64, d time.Duration, out io.Writer) (bool, error) {
	e := &ebml{r: r, size: size}
	id, hsize, hl, err := e.header(0)
	if err != nil || id != idEBML || hsize == unknownSize {
		return false, nil
	}
	segOff := hl + hsize
	id, ssize, shl, err := e.header(segOff)
	if err != nil || id != idSegment {
		return false, nil
	}
	// Adding bytes to Info is safe only when no size or position after it
	// must change: a segment of unknown size and no seek head pointing on.
	canGrow := ssize == unknownSize
	scale := uint64(1_000_000)
	for off := segOff + shl; off < size; {
		id, isize, ihl, err := e.header(off)
		if err != nil || isize == unknownSize {
			return false, nil
		}
		switch id {
		case 0x114D9B74: // a seek head: an empty one points nowhere
			if isize != 0 {
				canGrow = false
			}
		case idCluster: // clusters come after Info
			return false, nil
		case idInfo:
			durOff, durSize := int64(-1), int64(0)
			zero := false
			if err := e.children(off+ihl, off+ihl+isize, func(id uint32, o, sz int64) error {
				switch id {
				case idDuration:
					b, err := e.bytes(o, sz)
					if err != nil {
						return err
					}
					durOff, durSize = o, sz
					zero = (sz == 4 || sz == 8) && !slices.ContainsFunc(b, func(c byte) bool { return c != 0 })
				case idTimecodeScal:
					s, err := e.uint(o, sz)
					if err != nil || s == 0 {
						return errVideo
					}
					scale = s
				}
				return nil
			}); err != nil {
				return false, nil
			}
			ticks := float64(d.Nanoseconds()) / float64(scale)
			if durOff >= 0 {
				if !zero {
					return false, nil // it has its duration
				}
				// Fill in the zero where it stands.
				val := make([]byte, durSize)
				if durSize == 4 {
					binary.BigEndian.PutUint32(val, math.Float32bits(float32(ticks)))
				} else {
					binary.BigEndian.PutUint64(val, math.Float64bits(ticks))
				}
				if _, err := io.Copy(out, io.NewSectionReader(r, 0, durOff)); err != nil {
					return false, err
				}
				if _, err := out.Write(val); err != nil {
					return false, err
				}
				rest := durOff + durSize
				_, err := io.Copy(out, io.NewSectionReader(r, rest, size-rest))
				return err == nil, err
			}
			if !canGrow {
				return false, nil
			}
			body := make([]byte, isize)
			if _, err := r.ReadAt(body, off+ihl); err != nil {
				return false, nil
			}
			dur := make([]byte, 11)
			dur[0], dur[1], dur[2] = 0x44, 0x89, 0x88
			binary.BigEndian.PutUint64(dur[3:], math.Float64bits(ticks))
			body = append(body, dur...)
			info := []byte{0x15, 0x49, 0xA9, 0x66, 0x01, 0, 0, 0, 0, 0, 0, 0}
			binary.BigEndian.PutUint64(info[4:], uint64(len(body))|0x01<<56)
			if _, err := io.Copy(out, io.NewSectionReader(r, 0, off)); err != nil {
				return false, err
			}
			if _, err := out.Write(append(info, body...)); err != nil {
				return false, err
			}
			rest := off + ihl + isize
			_, err := io.Copy(out, io.NewSectionReader(r, rest, size-rest))
			return err == nil, err
		}
		off += ihl + isize
	}
	return false, nil
}
