package prosemodel

import (
	"encoding/binary"
	"fmt"
	"unsafe"
)

// decoder reads the little-endian fields of prose's model files. The first
// error sticks; later reads return zero values.
type decoder struct {
	b   []byte
	pos int
	err error
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.b)-d.pos {
		d.err = fmt.Errorf("truncated: wanted %d bytes at offset %d of %d", n, d.pos, len(d.b))
		return nil
	}
	out := d.b[d.pos : d.pos+n]
	d.pos += n
	return out
}

func (d *decoder) u8() uint8 {
	if b := d.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (d *decoder) u16() uint16 {
	if b := d.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (d *decoder) u32() uint32 {
	if b := d.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

// count reads a uint32 count of items of size bytes each and checks that
// that many could follow, so a corrupt count cannot ask for a huge slice.
func (d *decoder) count(size int) int {
	n := int(d.u32())
	if d.err == nil && n > (len(d.b)-d.pos)/size {
		d.err = fmt.Errorf("count %d at offset %d exceeds the %d bytes left", n, d.pos-4, len(d.b)-d.pos)
		return 0
	}
	return n
}

func (d *decoder) str16() string {
	return string(d.bytes(int(d.u16())))
}

// view returns n bytes as a string sharing the decoder's memory, which is
// prose's embedded, read-only model data.
func (d *decoder) view(n int) string {
	b := d.bytes(n)
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// offsets reads n+1 offsets into a string of length limit and checks that
// they rise from 0 to limit, so slicing with them cannot panic. They stay
// in the decoder's memory (a copy would be more memory to fault in at
// start-up, for nothing).
func (d *decoder) offsets(n, limit int) offsets {
	o := offsets(d.bytes(4 * (n + 1)))
	if o == nil {
		return nil
	}
	for i := 1; i <= n; i++ {
		if o.at(i) < o.at(i-1) {
			d.err = fmt.Errorf("offset %d decreases (%d after %d)", i, o.at(i), o.at(i-1))
			return nil
		}
	}
	if o.at(0) != 0 || int(o.at(n)) != limit {
		d.err = fmt.Errorf("offsets run from %d to %d, want 0 to %d", o.at(0), o.at(n), limit)
		return nil
	}
	return o
}

// offsets are little-endian uint32s.
type offsets []byte

func (o offsets) at(i int) uint32 { return binary.LittleEndian.Uint32(o[4*i:]) }

// labels reads a uint32 count and that many length-prefixed strings.
func (d *decoder) labels() []string {
	n := d.count(2)
	out := make([]string, n)
	for i := range out {
		out[i] = d.str16()
	}
	return out
}

// magic checks the file's magic string and format version.
func (d *decoder) magic(magic string, version uint32) {
	if got := d.bytes(len(magic)); d.err == nil && string(got) != magic {
		d.err = fmt.Errorf("not a %s model", magic)
	}
	if v := d.u32(); d.err == nil && v != version {
		d.err = fmt.Errorf("%s model version %d, want %d", magic, v, version)
	}
}
