package media

import (
	"bufio"
	"errors"
	"image"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"

	"golang.org/x/image/webp"
)

// reencode decodes an image (its dimensions already checked) and writes it
// again from its pixels alone, which drops every piece of metadata: EXIF
// (camera, GPS position, time), XMP, ICC comments, GIF comments. WebP is
// written as PNG, since Go has no WebP encoder. It returns the content type
// written.
func reencode(r io.Reader, format string, w io.Writer, l Limits) (string, error) {
	switch format {
	case fmtJPEG:
		img, err := jpeg.Decode(r)
		if err != nil {
			return "", errBroken
		}
		return fmtJPEG, jpeg.Encode(w, img, &jpeg.Options{Quality: 90})
	case fmtPNG, fmtWebP:
		var img image.Image
		var err error
		if format == fmtPNG {
			img, err = png.Decode(r)
		} else {
			img, err = webp.Decode(r)
		}
		if err != nil {
			return "", errBroken
		}
		return fmtPNG, (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img)
	case fmtGIF:
		g, err := gif.DecodeAll(r)
		if err != nil {
			return "", errBroken
		}
		// Only frames and timing are kept; comments and application
		// extensions other than looping are dropped by the encoder.
		out := &gif.GIF{Image: g.Image, Delay: g.Delay, Disposal: g.Disposal, LoopCount: g.LoopCount, Config: g.Config, BackgroundIndex: g.BackgroundIndex}
		return fmtGIF, gif.EncodeAll(w, out)
	}
	return "", errType
}

// gifFrames counts the frames of a GIF by walking its blocks without
// decoding any, so an animation whose frames would take gigabytes once
// decoded is refused before decoding.
func gifFrames(r io.Reader) (int, error) {
	br := bufio.NewReader(r)
	hdr := make([]byte, 13)
	if _, err := io.ReadFull(br, hdr); err != nil {
		return 0, err
	}
	skipTable := func(packed byte) error {
		if packed&0x80 != 0 {
			_, err := br.Discard(3 * (1 << ((packed & 7) + 1)))
			return err
		}
		return nil
	}
	skipSubBlocks := func() error {
		for {
			n, err := br.ReadByte()
			if err != nil {
				return err
			}
			if n == 0 {
				return nil
			}
			if _, err := br.Discard(int(n)); err != nil {
				return err
			}
		}
	}
	if err := skipTable(hdr[10]); err != nil {
		return 0, err
	}
	frames := 0
	for {
		b, err := br.ReadByte()
		if err != nil {
			return frames, err
		}
		switch b {
		case 0x21: // extension: label, then sub-blocks
			if _, err := br.ReadByte(); err != nil {
				return frames, err
			}
			if err := skipSubBlocks(); err != nil {
				return frames, err
			}
		case 0x2C: // image descriptor, local table, LZW code size, data
			desc := make([]byte, 9)
			if _, err := io.ReadFull(br, desc); err != nil {
				return frames, err
			}
			if err := skipTable(desc[8]); err != nil {
				return frames, err
			}
			if _, err := br.ReadByte(); err != nil {
				return frames, err
			}
			if err := skipSubBlocks(); err != nil {
				return frames, err
			}
			frames++
		case 0x3B: // trailer
			return frames, nil
		default:
			return frames, errors.New("media: gif: unknown block")
		}
	}
}

// thumbnail scales img to fit within side×side (never up), by area
// averaging, good enough for previews and standard library only.
func thumbnail(img image.Image, side int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= side && h <= side {
		return img
	}
	tw, th := side, h*side/w
	if h > w {
		tw, th = w*side/h, side
	}
	tw, th = max(tw, 1), max(th, 1)
	src := image.NewRGBA(b)
	draw.Draw(src, b, img, b.Min, draw.Src)
	dst := image.NewRGBA(image.Rect(0, 0, tw, th))
	for y := range th {
		y0, y1 := y*h/th, max((y+1)*h/th, y*h/th+1)
		for x := range tw {
			x0, x1 := x*w/tw, max((x+1)*w/tw, x*w/tw+1)
			var r, g, bl, a, n uint32
			for sy := y0; sy < y1; sy++ {
				off := sy*src.Stride + x0*4
				for sx := x0; sx < x1; sx++ {
					r += uint32(src.Pix[off])
					g += uint32(src.Pix[off+1])
					bl += uint32(src.Pix[off+2])
					a += uint32(src.Pix[off+3])
					off += 4
					n++
				}
			}
			o := y*dst.Stride + x*4
			dst.Pix[o], dst.Pix[o+1], dst.Pix[o+2], dst.Pix[o+3] = uint8(r/n), uint8(g/n), uint8(bl/n), uint8(a/n)
		}
	}
	return dst
}
